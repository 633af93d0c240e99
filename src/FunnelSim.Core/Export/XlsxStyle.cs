namespace FunnelSim.Export;

/// <summary>How a workbook cell is shown: its number format (numbers stay numbers) or text style.</summary>
internal enum XlsxStyle
{
    /// <summary>Text, or a number in Excel's General format.</summary>
    General,
    /// <summary>Bold text: headers and section titles.</summary>
    Header,
    /// <summary>A whole number without separators (years, seeds, iterations' index).</summary>
    Integer,
    /// <summary>A mean number of patients, chosen by size: whole with separators, two decimals, or four below 1.</summary>
    Count,
    /// <summary>An amount in the workbook's currency, whole units.</summary>
    Money,
    /// <summary>Per member per month: the currency with four decimals.</summary>
    Pmpm,
    /// <summary>A probability as a percentage with one decimal.</summary>
    Percent,
}
