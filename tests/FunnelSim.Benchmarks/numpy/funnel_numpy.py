#!/usr/bin/env python3
"""The FunnelSim model as an analyst would write it in vectorised NumPy: the baseline FunnelSim is timed against,
and an independent check of its means. Usage:

    python3 funnel_numpy.py SCENARIO.json --iterations N [--seed S] [--out FILE]

Reads the scenario format of docs/scenario-format.md (all parameter forms, ramps, plan scale, the three duration
families) and prints {"iterations", "elapsedSeconds", "indications": [{"id", "years": [{"year", "metrics": {name:
{"mean", "sd", "p5", "p50", "p95"}}}]}], "total": {...}}. Timing covers everything after reading the file.
"""
import argparse, json, math, sys, time
import numpy as np

DAYS_PER_YEAR = 365.25
BASS_P, BASS_Q = 0.03, 0.38
BASS_TAU = math.log((1 + 0.95 * BASS_Q / BASS_P) / 0.05) / (BASS_P + BASS_Q)


def draw(param, kind, rng, n):
    """Draws of one parameter for n iterations (second-order uncertainty)."""
    if isinstance(param, (int, float)):
        return np.full(n, float(param))
    if "distribution" in param:
        d = param["distribution"]
        if d == "fixed":
            return np.full(n, float(param["value"]))
        if d == "beta":
            return rng.beta(param["alpha"], param["beta"], n)
        if d == "lognormal":
            m, s = param["mean"], param["sd"]
            return lognormal(rng, m, s, n)
        if d == "gamma":
            return rng.gamma(param["shape"], param["scale"], n)
        if d == "normal":
            return rng.normal(param["mean"], param["sd"], n)
        if d == "uniform":
            return rng.uniform(param["min"], param["max"], n)
        if d == "triangular":
            return rng.triangular(param["min"], param["mode"], param["max"], n)
        if d == "pert":
            lo, mo, hi = param["min"], param["mode"], param["max"]
            return lo + (hi - lo) * rng.beta(1 + 4 * (mo - lo) / (hi - lo), 1 + 4 * (hi - mo) / (hi - lo), n)
        raise ValueError(d)
    m = float(param["value"])
    if "low" not in param or param["low"] == param["high"]:
        return np.full(n, m)
    sd = (param["high"] - param["low"]) / 3.92
    if kind == "probability":
        k = m * (1 - m) / sd ** 2 - 1
        return rng.beta(m * k, (1 - m) * k, n)
    if kind == "rate":
        return rng.normal(m, sd, n)
    return lognormal(rng, m, sd, n)


def lognormal(rng, m, s, n):
    if s == 0:
        return np.full(n, float(m))
    sigma2 = math.log(1 + s * s / (m * m))
    return rng.lognormal(math.log(m) - sigma2 / 2, math.sqrt(sigma2), n)


def progress(shape, t, years):
    x = min(t / years, 1.0)
    if shape == "linear":
        return x
    if shape == "s-curve":
        return x * x * (3 - 2 * x)
    if x >= 1:
        return 1.0
    f = lambda tau: (1 - math.exp(-(BASS_P + BASS_Q) * tau)) / (1 + BASS_Q / BASS_P * math.exp(-(BASS_P + BASS_Q) * tau))
    return f(x * BASS_TAU) / f(BASS_TAU)


def probability(param, rng, n, years):
    """Per-iteration, per-year probabilities: (n, years)."""
    start = draw(param, "probability", rng, n)
    ramp = param.get("ramp") if isinstance(param, dict) else None
    if ramp is None:
        return np.repeat(start[:, None], years, axis=1)
    target = draw(ramp["to"], "probability", rng, n)
    f = np.array([progress(ramp.get("shape", "linear"), t, ramp["years"]) for t in range(years)])
    return np.clip(start[:, None] + (target - start)[:, None] * f[None, :], 0, 1)


def simulate(scenario, n, seed):
    rng = np.random.Generator(np.random.PCG64(seed))
    years, start_year = scenario["years"], scenario["startYear"]
    pop = scenario.get("population", {"scale": "national"})
    scale = 1.0 if pop["scale"] == "national" else pop["members"] / pop["referencePopulation"] * pop.get("riskAdjustment", 1)
    results = []
    for ind in scenario["indications"]:
        metrics = {}
        incidence = draw(ind["incidence"], "amount", rng, n) * scale
        growth = draw(ind.get("annualGrowth", 0), "rate", rng, n)
        pre = [(s["id"], probability(s["probability"], rng, n, years)) for s in ind.get("preTestSteps", [])]
        prevalence = probability(ind["prevalence"], rng, n, years)
        uptake = probability(ind["testing"]["uptake"], rng, n, years)
        mods = [(m["share"], probability(m["sensitivity"], rng, n, years), probability(m["specificity"], rng, n, years))
                for m in ind["testing"]["modalities"]]
        post = [(s["id"], probability(s["probability"], rng, n, years)) for s in ind.get("postDetectionSteps", [])]
        dur = ind["treatment"]["durationMonths"]
        median = draw(dur["median"], "positive", rng, n) * DAYS_PER_YEAR / 12
        spread = draw(dur.get("shape", dur.get("sdLog", 1)), "positive", rng, n)
        interval = ind["treatment"].get("doseIntervalDays", 14)
        new_patients = np.zeros((n, years), dtype=np.int64)

        def put(name, t, values):
            metrics.setdefault(name, np.zeros((n, years), dtype=np.int64))[:, t] = values

        for t in range(years):
            N = rng.poisson(incidence * (1 + growth) ** t)
            put("incident", t, N)
            for sid, p in pre:
                N = rng.binomial(N, p[:, t])
                put(sid, t, N)
            L = N
            F = rng.binomial(L, prevalence[:, t])
            H = L - F
            TF = rng.binomial(F, uptake[:, t])
            TH = rng.binomial(H, uptake[:, t])
            # multinomial split by share, then per-modality test
            tp = np.zeros(n, dtype=np.int64); fp = np.zeros(n, dtype=np.int64)
            rem_f, rem_h, rem_share = TF.copy(), TH.copy(), 1.0
            for i, (share, sens, spec) in enumerate(mods):
                if i == len(mods) - 1:
                    f_m, h_m = rem_f, rem_h
                else:
                    q = min(share / rem_share, 1.0) if rem_share > 0 else 0.0
                    f_m = rng.binomial(rem_f, q); h_m = rng.binomial(rem_h, q)
                    rem_f = rem_f - f_m; rem_h = rem_h - h_m; rem_share -= share
                tp += rng.binomial(f_m, sens[:, t]); fp += rng.binomial(h_m, 1 - spec[:, t])
            for name, v in (("laterLine", L), ("fusionPositive", F), ("tested", TF + TH), ("truePositive", tp),
                            ("falsePositive", fp), ("falseNegative", TF - tp), ("untestedFusionPositive", F - TF),
                            ("identified", tp + fp)):
                put(name, t, v)
            a, b = tp, fp
            for sid, p in post:
                a = rng.binomial(a, p[:, t]); b = rng.binomial(b, p[:, t])
                put(sid, t, a + b)
            put("treatedNew", t, a + b); put("treatedNewTruePositive", t, a); put("treatedNewFalsePositive", t, b)
            new_patients[:, t] = a + b

        # Patients, vectorised over all iterations and years at once.
        counts = new_patients.ravel()
        it = np.repeat(np.repeat(np.arange(n), years), counts)
        year = np.repeat(np.tile(np.arange(years), n), counts)
        start = (year + rng.random(it.size)) * DAYS_PER_YEAR
        kind = dur["distribution"]
        if kind == "weibull":
            k = spread[it]
            d = median[it] / np.log(2) ** (1 / k) * (-np.log(1 - rng.random(it.size))) ** (1 / k)
        elif kind == "exponential":
            d = median[it] / np.log(2) * -np.log(1 - rng.random(it.size))
        else:
            d = median[it] * np.exp(spread[it] * rng.standard_normal(it.size))
        total = np.ceil(d / interval)
        doses = np.zeros((n, years), dtype=np.int64)
        on = np.zeros((n, years), dtype=np.int64)
        before = np.zeros(it.size)
        for y in range(years):
            up_to = np.clip(np.ceil(((y + 1) * DAYS_PER_YEAR - start) / interval), 0, total)
            in_year = np.where(year <= y, up_to - before, 0).astype(np.int64)
            np.add.at(doses[:, y], it, in_year)
            np.add.at(on[:, y], it, (in_year > 0).astype(np.int64))
            before = np.where(year <= y, up_to, before)
        metrics["onTreatment"] = on
        metrics["doses"] = doses
        results.append((ind["id"], metrics))
    return results


def summarize(values):
    return {"mean": float(values.mean()), "sd": float(values.std(ddof=1)),
            "p5": float(np.percentile(values, 5)), "p50": float(np.percentile(values, 50)), "p95": float(np.percentile(values, 95))}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario")
    parser.add_argument("--iterations", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out")
    args = parser.parse_args()
    scenario = json.load(open(args.scenario, encoding="utf-8"))
    started = time.perf_counter()
    results = simulate(scenario, args.iterations, args.seed)
    years, start_year = scenario["years"], scenario["startYear"]
    standard = ["incident", "laterLine", "fusionPositive", "tested", "truePositive", "falsePositive", "falseNegative",
                "untestedFusionPositive", "identified", "treatedNew", "treatedNewTruePositive", "treatedNewFalsePositive",
                "onTreatment", "doses"]
    document = {"iterations": args.iterations, "indications": [], "total": {"years": []}}
    for iid, metrics in results:
        document["indications"].append({"id": iid, "years": [
            {"year": start_year + t, "metrics": {name: summarize(v[:, t]) for name, v in metrics.items()}} for t in range(years)]})
    for t in range(years):
        document["total"]["years"].append({"year": start_year + t, "metrics": {
            name: summarize(sum(m[name][:, t] for _, m in results)) for name in standard}})
    document["elapsedSeconds"] = time.perf_counter() - started
    text = json.dumps(document, indent=1)
    if args.out:
        open(args.out, "w").write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
