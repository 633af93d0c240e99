namespace FunnelSim.Ui.Views;

/// <summary>The F1 help: every key, and a short guide to the model.</summary>
internal static class HelpText
{
    public const string Keys = """
        KEYS
          F1              this help
          F5              full run (a progress bar; Esc cancels and keeps the previous results)
          F6              pin / unpin the baseline (the Compare tab shows the paired differences)
          F8              list all problems (Enter goes to the field)
          F3 / Shift+F3   next / previous indication (or the total)
          F7 / Shift+F7   next / previous year
          F4 / Shift+F4   next / previous metric of the histogram and the drivers (with costs also
                          budget impact, cost with BIZENGRI and PMPM)
          F10             the menu (File, Edit, Run, Help; Alt+L, Alt+U, Alt+P open File, Run, Help); the mouse works too
          Ctrl+T          next tab; Ctrl+PgDn / Ctrl+PgUp next / previous tab (some terminals eat these);
                          the tab's content takes the keys at once (arrows never change tabs)
          Alt+letter      go to a tab by its underlined letter: Alt+E Edit, Alt+R Results, Alt+F Funnel,
                          Alt+T Treated, Alt+H Histogram, Alt+D Drivers, Alt+C Compare, Alt+B Budget;
                          on the Edit tab Alt+O the outline, Alt+I the field editor
          Ctrl+Z          undo the last edit (a run of typing in one field, or a change of form, ramp or family)
          Ctrl+N          new scenario (the built-in base case)
          Ctrl+O          open a scenario file (type a path, pick a recent file, or Browse… the folders)
          Ctrl+S          save (Save As in the File menu); asks before replacing a file
          Ctrl+E          export the results (.json or .csv)
          Ctrl+Q          quit (asks first when edits or results would be lost); Esc never quits
          Esc             cancels a run, the global drivers or a dialog
          Tab / Shift+Tab move between the outline and the fields, round within the tab, never to another tab
                          (the field editor scrolls to the focused field)
          ↑ ↓ PgUp PgDn Home End   scroll a table or a page that is taller than the screen
          Run › Calibrate…  update the scenario from observed counts, typed as rows or loaded from a file;
                            in it Alt+A / Alt+R add / remove a row, Alt+L load a file, Enter or Alt+C calibrate,
                            Esc or Cancel closes it (the rows are kept for the next time)
          In the outline:   ↑ ↓ select, → ← expand/collapse, Ins add step/modality/correlation, Del remove,
                            Alt+↑ / Alt+↓ move it, F2 rename (jumps to its Id)
          Drop-down fields: Enter, Space or F4 opens the list, ↑ ↓ and Enter choose, Esc closes it unchanged;
                            closed, ↑ ↓ and letters do nothing, so tabbing past a field never changes it.
          Drivers tab:      D computes the global drivers (seconds; Esc cancels)
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
          correlation, standardized regression coefficient (SRC), and each input's variance share (permutation
          importance of a tree surrogate), the surrogate judged by its held-out R² as a share of the attainable R²
          (what the inputs can explain at all; the rest is patient-level chance): ≥ 90% good, 60–90% fair, below poor.
        """;
}
