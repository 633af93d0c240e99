using FunnelSim.Formatting;
using FunnelSim.Ui.Presentation;
using FunnelSim.Ui.Running;

namespace FunnelSim.Ui.Views;

/// <summary>One line saying which run a page shows: live (few iterations) or full, and whether edits came since.</summary>
internal static class ResultOrigin
{
    public static string Describe(Workbench workbench, WhatIf shown)
    {
        string kind = shown.Quick ? "live what-if" : "full run";
        string iterations = shown.Result.Run.Iterations.ToString("N0", HumanNumber.Culture);
        string stale = shown.Revision == workbench.Revision ? "" : " — edited since: F5 to rerun";
        return $"[{kind}, {iterations} iterations, seed {shown.Result.Run.Seed}{stale}]  F3 indication · F7 year";
    }
}
