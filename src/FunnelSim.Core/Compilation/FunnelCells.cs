using System.Numerics;
using System.Runtime.CompilerServices;

namespace FunnelSim.Compilation;

/// <summary>
/// The testing block of a year's cells (laterLine … identifiedByReflex), written from the eight counts it derives from:
/// in one place, so the simulated counts (integers) and their exact expectations (doubles) keep the same layout.
/// </summary>
internal static class FunnelCells
{
    /// <param name="cell">The year's cells of one indication.</param>
    /// <param name="afterPre">Where the testing block starts.</param>
    /// <param name="laterLine">Later-line patients.</param>
    /// <param name="fusion">Fusion-positive among them.</param>
    /// <param name="testedFusion">Fusion-positive patients tested (a first test).</param>
    /// <param name="testedOther">Fusion-negative patients tested.</param>
    /// <param name="truePositive">Fusion-positive patients whose final result is positive (first or reflex test).</param>
    /// <param name="falsePositive">Fusion-negative patients whose final result is positive.</param>
    /// <param name="reflexTested">Patients given a reflex test.</param>
    /// <param name="identifiedByReflex">Patients identified by the reflex test (true and false positives).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteTesting<T>(Span<T> cell, int afterPre, T laterLine, T fusion, T testedFusion, T testedOther,
        T truePositive, T falsePositive, T reflexTested, T identifiedByReflex) where T : INumber<T>
    {
        cell[afterPre + CellLayout.LaterLine] = laterLine;
        cell[afterPre + CellLayout.FusionPositive] = fusion;
        cell[afterPre + CellLayout.Tested] = testedFusion + testedOther;
        cell[afterPre + CellLayout.TruePositive] = truePositive;
        cell[afterPre + CellLayout.FalsePositive] = falsePositive;
        cell[afterPre + CellLayout.FalseNegative] = testedFusion - truePositive;
        cell[afterPre + CellLayout.UntestedFusionPositive] = fusion - testedFusion;
        cell[afterPre + CellLayout.Identified] = truePositive + falsePositive;
        cell[afterPre + CellLayout.ReflexTested] = reflexTested;
        cell[afterPre + CellLayout.IdentifiedByReflex] = identifiedByReflex;
    }
}
