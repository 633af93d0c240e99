using System.CommandLine.Parsing;
using System.Globalization;

namespace FunnelSim.Cli;

/// <summary>
/// How every numeric option reads its value, the same way everywhere: <c>200000</c>, <c>200_000</c>, <c>200,000</c> (commas
/// only between groups of three digits) and <c>2e5</c>; whole numbers only where one is needed (<c>2.5e5</c> is fine,
/// <c>1.5</c> is not). A bad value is a usage error naming the option and the allowed range, never an exception.
/// </summary>
internal static class CommandLineNumbers
{
    /// <summary>Reads <paramref name="raw"/> exactly (decimal: no rounding of large whole numbers); false when it is not a number.</summary>
    public static bool TryParse(string raw, out decimal value)
    {
        value = 0;
        string text = raw.Trim();
        if (text.Length == 0 || text.Length > 64) return false;
        if (!TryRemoveSeparators(text, out string plain)) return false;
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A custom parser for a whole-number option from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Func<ArgumentResult, long?> Whole(string option, long min, long max) => result =>
    {
        string raw = Raw(result);
        if (TryParse(raw, out decimal value) && value == decimal.Truncate(value) && value >= min && value <= max) return (long)value;
        result.AddError($"{option} must be a whole number from {min:N0} to {max:N0}; got {Quote(raw)}.");
        return null;
    };

    /// <summary>As <see cref="Whole"/>, for an option whose value is an <see cref="int"/> (0 with the error when it is bad).</summary>
    public static Func<ArgumentResult, int> WholeInt(string option, int min, int max)
    {
        var parse = Whole(option, min, max);
        return result => parse(result) is long value ? (int)value : 0;
    }

    /// <summary>As <see cref="Whole"/>, for an optional <see cref="int"/>.</summary>
    public static Func<ArgumentResult, int?> OptionalInt(string option, int min, int max)
    {
        var parse = Whole(option, min, max);
        return result => parse(result) is long value ? (int)value : null;
    }

    /// <summary>
    /// A custom parser for an amount of money (or any real number) of at most <paramref name="maxMagnitude"/> in size:
    /// <c>500000</c>, <c>500,000</c>, <c>$500_000</c>, <c>1e6</c>, <c>-250000.50</c>.
    /// </summary>
    public static Func<ArgumentResult, double?> Amount(string option, double maxMagnitude, string example) => result =>
    {
        string raw = Raw(result);
        string text = raw.Trim();
        bool negative = text.StartsWith('-');
        if (negative) text = text[1..];
        if (text.StartsWith('$')) text = text[1..];
        if (TryParse(text, out decimal value) && !text.StartsWith('-') && !text.StartsWith('+')
            && Math.Abs((double)value) <= maxMagnitude)
            return (double)(negative ? -value : value);
        result.AddError($"{option} must be an amount such as {example} (at most {maxMagnitude:0.#e0} in size); got {Quote(raw)}.");
        return null;
    };

    private static string Raw(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";

    /// <summary>The value as the user typed it, quoted, with control characters made visible.</summary>
    private static string Quote(string raw) => raw.Length == 0 ? "an empty value" : $"'{Shown.Text(raw)}'";

    /// <summary>Drops '_' between digits and ',' between groups of three digits of the whole part; false when misplaced.</summary>
    private static bool TryRemoveSeparators(string text, out string plain)
    {
        plain = text;
        if (text.IndexOfAny(['_', ',']) < 0) return true;
        int end = text.IndexOfAny(['.', 'e', 'E']);
        string whole = end < 0 ? text : text[..end];
        string rest = end < 0 ? "" : text[end..];
        if (rest.Contains(',')) return false;
        if (!DropUnderscores(whole, out whole) || !DropUnderscores(rest, out rest)) return false;
        if (whole.Contains(','))
        {
            string digits = whole.TrimStart('+', '-');
            string[] groups = digits.Split(',');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3)) return false;
            whole = whole[..(whole.Length - digits.Length)] + string.Concat(groups);
        }
        plain = whole + rest;
        return true;
    }

    private static bool DropUnderscores(string text, out string plain)
    {
        plain = text;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '_') continue;
            if (i == 0 || i == text.Length - 1 || !char.IsAsciiDigit(text[i - 1]) && text[i - 1] != '_' || !char.IsAsciiDigit(text[i + 1]) && text[i + 1] != '_')
                return false;
        }
        plain = text.Replace("_", "", StringComparison.Ordinal);
        return true;
    }
}
