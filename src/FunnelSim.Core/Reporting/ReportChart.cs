using System.Text.RegularExpressions;
using ScottPlot;

namespace FunnelSim.Reporting;

/// <summary>
/// One chart of a report, drawn by ScottPlot: as inline SVG for the HTML file (ids prefixed so several charts share a
/// page, scaled to the page's width) and as PNG for <c>--png</c>.
/// </summary>
public sealed partial class ReportChart : IDisposable
{
    private readonly Plot _plot;

    internal ReportChart(string id, string title, Plot plot, int width, int height)
    {
        Id = id;
        Title = title;
        _plot = plot;
        Width = width;
        Height = height;
    }

    /// <summary>A short name, unique in the report, used for element ids and PNG file names (<c>funnel-pdac</c>).</summary>
    public string Id { get; }

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>Width in pixels (the SVG's view box; the PNG's size).</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The chart as an SVG element to embed in HTML: no XML declaration, a view box, and ids prefixed with <see cref="Id"/>.</summary>
    public string Svg()
    {
        string svg = _plot.GetSvgXml(Width, Height);
        svg = XmlDeclaration().Replace(svg, "");
        svg = svg.Replace("id=\"", $"id=\"{Id}-", StringComparison.Ordinal)
                 .Replace("url(#", $"url(#{Id}-", StringComparison.Ordinal)
                 .Replace("href=\"#", $"href=\"#{Id}-", StringComparison.Ordinal)
                 .Replace($"font-family=\"{ReportCharts.Font}\"", $"font-family=\"{ReportCharts.Font}, Helvetica, Arial, sans-serif\"", StringComparison.Ordinal);
        string open = $"<svg class=\"chart\" id=\"{Id}\" role=\"img\" aria-label=\"{System.Security.SecurityElement.Escape(Title)}\" " +
                      $"viewBox=\"0 0 {Width} {Height}\" style=\"max-width:{Width}px\" preserveAspectRatio=\"xMidYMid meet\" ";
        return SvgOpen().Replace(svg, m => open + m.Groups["ns"].Value + ">", 1).Trim();
    }

    /// <summary>The chart as PNG bytes.</summary>
    public byte[] Png() => _plot.GetImageBytes(Width, Height, ImageFormat.Png);

    /// <inheritdoc />
    public void Dispose() => (_plot as IDisposable)?.Dispose();

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    // The root element as ScottPlot writes it: namespaces, then a fixed width and height, which the view box replaces.
    [GeneratedRegex("<svg (?<ns>[^>]*?)\\s*width=\"[^\"]*\"\\s*height=\"[^\"]*\"\\s*>")]
    private static partial Regex SvgOpen();
}
