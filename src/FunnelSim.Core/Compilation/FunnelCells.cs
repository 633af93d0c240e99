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
        cell[afterPre + ModelCompiler.LaterLineOffset] = laterLine;
        cell[afterPre + ModelCompiler.FusionPositiveOffset] = fusion;
        cell[afterPre + ModelCompiler.TestedOffset] = testedFusion + testedOther;
        cell[afterPre + ModelCompiler.TruePositiveOffset] = truePositive;
        cell[afterPre + ModelCompiler.FalsePositiveOffset] = falsePositive;
        cell[afterPre + ModelCompiler.FalseNegativeOffset] = testedFusion - truePositive;
        cell[afterPre + ModelCompiler.UntestedOffset] = fusion - testedFusion;
        cell[afterPre + ModelCompiler.IdentifiedOffset] = truePositive + falsePositive;
    }
}
