using System.Numerics;
using System.Runtime.CompilerServices;

namespace FunnelSim.Compilation;

/// <summary>
/// The testing block of a year's cells (laterLine … identified), written from the six counts it derives from: in one
/// place, so the simulated counts (integers) and their exact expectations (doubles) keep the same layout.
/// </summary>
internal static class FunnelCells
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteTesting<T>(Span<T> cell, int afterPre, T laterLine, T fusion, T testedFusion, T testedOther,
        T truePositive, T falsePositive) where T : INumber<T>
    {
        cell[afterPre + CellLayout.LaterLine] = laterLine;
        cell[afterPre + CellLayout.FusionPositive] = fusion;
        cell[afterPre + CellLayout.Tested] = testedFusion + testedOther;
        cell[afterPre + CellLayout.TruePositive] = truePositive;
        cell[afterPre + CellLayout.FalsePositive] = falsePositive;
        cell[afterPre + CellLayout.FalseNegative] = testedFusion - truePositive;
        cell[afterPre + CellLayout.UntestedFusionPositive] = fusion - testedFusion;
        cell[afterPre + CellLayout.Identified] = truePositive + falsePositive;
    }
}
