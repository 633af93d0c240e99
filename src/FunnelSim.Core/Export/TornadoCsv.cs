using System.Globalization;
using System.Text;
using FunnelSim.Analysis;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>
/// Writes a tornado as CSV for spreadsheets: one row per bar, widest first
/// (<c>path,label,low,high,outputAtLow,outputAtHigh,swing,swingMcse,base,method</c>), invariant culture. <c>method</c> is
/// <c>expectation</c> (exact; <c>swingMcse</c> empty) or <c>simulation</c>.
/// </summary>
public static class TornadoCsv
{
    /// <summary>The header and one row per bar.</summary>
    public static string Write(TornadoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder("path,label,low,high,outputAtLow,outputAtHigh,swing,swingMcse,base,method\n");
        string method = TornadoJson.MethodName(result.Method);
        bool simulated = result.Method == TornadoMethod.Simulation;
        foreach (var bar in result.Bars)
        {
            text.AppendJoin(',', CsvText.Field(bar.Input.Path), CsvText.Field(bar.Input.Label), Number(bar.Input.Low), Number(bar.Input.High),
                Number(bar.OutputAtLow), Number(bar.OutputAtHigh), Number(bar.Swing), simulated ? Number(bar.SwingMcse) : "", Number(result.BaseOutput), method);
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
