#!/usr/bin/env python3
"""Compare the means of a FunnelSim result (A) and a funnel_numpy.py result (B):
z = (mean_A - mean_B) / sqrt(sd_A^2/n_A + sd_B^2/n_B), flagged when |z| > 4.

    python3 compare.py funnelsim.json numpy.json
"""
import json, math, sys

a, b = (json.load(open(p)) for p in sys.argv[1:3])
na = a["run"]["iterations"] if "run" in a else a["iterations"]
nb = b["iterations"]
flagged = checked = 0
groups_a = {i["id"]: i["years"] for i in a["indications"]} | {"total": a["total"]["years"]}
groups_b = {i["id"]: i["years"] for i in b["indications"]} | {"total": b["total"]["years"]}
for gid, years in groups_a.items():
    for ya, yb in zip(years, groups_b[gid]):
        for name, sa in ya["metrics"].items():
            sb = yb["metrics"].get(name)
            if sb is None:
                continue
            se = math.sqrt(sa["sd"] ** 2 / na + sb["sd"] ** 2 / nb)
            z = 0.0 if se == 0 else (sa["mean"] - sb["mean"]) / se
            checked += 1
            mark = "  <-- |z| > 4" if abs(z) > 4 else ""
            flagged += bool(mark)
            if mark or "-v" in sys.argv:
                print(f"{gid:6} {ya['year']} {name:24} {sa['mean']:14.4f} {sb['mean']:14.4f} z={z:6.2f}{mark}")
print(f"{checked} metrics compared, {flagged} with |z| > 4")
sys.exit(1 if flagged else 0)
