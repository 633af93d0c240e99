namespace FunnelSim.Ui.Views;

/// <summary>The F1 help: every key, and a short guide to the model.</summary>
internal static class HelpText
{
    public const string Keys = """
        KEYS
          F1            this help                   F5      full run (progress; Esc cancels)
          F6            pin / unpin the baseline    F8      list all problems
          F3 / Shift+F3 next / previous indication  F7 / Shift+F7  next / previous year
          F4 / Shift+F4 next / previous metric (histogram and drivers)      F10  menu
          Ctrl+T        next tab  (also Ctrl+PgDn; Ctrl+PgUp: previous tab — some terminals, e.g. tmux, eat those)
          Ctrl+Z        undo the last edit (a run of typing in one field, or a change of form, ramp or family)
          Ctrl+N new    Ctrl+O open    Ctrl+S save    Ctrl+E export results    Ctrl+Q quit
          Tab / Shift+Tab   move between panes and fields (the field editor scrolls to the focused field)
          In the outline:   ↑ ↓ select, → ← expand/collapse, Ins add step/modality, Del remove,
                            Alt+↑ / Alt+↓ move it, F2 rename (jumps to its Id)
          Drop-down fields: Enter, Space or F4 opens the list, ↑ ↓ and Enter choose, Esc closes it unchanged;
                            closed, ↑ ↓ and letters do nothing, so tabbing past a field never changes it.
          Drivers tab:      the tornado of the selected metric, indication and year (F4, F3, F7), redrawn after
                            each edit; D computes the global drivers (seconds; Esc cancels).
          Mouse: click nodes, fields, tabs, menus and the status bar.
        """;

    public const string Model = """
        THE MODEL
          Each iteration draws every uncertain input once, then per indication and year:
          incident cases ~ Poisson(incidence·(1+growth)^t) → pre-test steps (binomial) → later-line
          patients → NRG1 fusion-positive (prevalence) → tested (uptake, split across modalities)
          → identified = true + false positives → post-detection steps (prescribed, approved)
          → new patients treated → time on treatment and doses across the years.
          Lost: fusion-positive never tested; tested but missed (false negatives).
          Runs share random numbers (same seed), so an edit shows its own effect, not noise.
          Numbers: a plain number is fixed; 'value + low/high' fits a Beta (probabilities), log-normal
          (amounts) or normal (growth) whose 2.5th/97.5th percentiles are low/high; or an explicit one.
          A probability may ramp to a target over some years (linear, s-curve, Bass).
          Errors block runs; warnings do not. Files are the same JSON the command line reads.
          Tornado: each uncertain input at its 2.5th and 97.5th percentile, all others at their base; exact
          expectations, so bars are pure effect. Global drivers, from one probabilistic run: Spearman rank
          correlation, standardized regression coefficient (SRC), and the permutation importance of a tree
          surrogate whose held-out R² says how far to trust it (≥ 0.7 good, 0.4–0.7 fair, below poor).
        """;
}
