using System.Text;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Validation;

public class SyntaxTests
{
    private static Diagnostic SingleError(string json)
    {
        var result = ScenarioLoader.Read(json);
        Assert.Null(result.Scenario);
        return Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void Syntax_error_gives_line_and_column_in_characters()
    {
        // "ü" and "→" take 2 and 3 bytes in UTF-8; counted as characters the second string starts at column 24 (27 in bytes).
        const string json = "{\n  \"name\": \"Müller → x\" \"years\": 5\n}";

        var error = SingleError(json);

        Assert.Equal((2, 24), (error.Line, error.Column));
        Assert.Equal("", error.Path);
        Assert.StartsWith("invalid JSON: ", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
        Assert.DoesNotContain("BytePositionInLine", error.Message);
    }

    [Theory]
    [InlineData("{ \"years\": 5, }", 1, 15, "trailing commas are not allowed")]
    [InlineData("{\n  // comment\n  \"years\": 5 }", 2, 3, "comments are not allowed")]
    [InlineData("{ \"years\": 5", 1, 13, "invalid JSON")]
    [InlineData("{} {}", 1, 4, "invalid JSON")]
    [InlineData("{ \"name\": \"\\uD800\" }", 1, 11, "surrogate")]
    public void Syntax_errors_are_reported_with_position(string json, int line, int column, string message)
    {
        var error = SingleError(json);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("\uFEFF")]
    public void Empty_file_is_an_error(string json) =>
        Assert.Equal("the file is empty; a scenario is a JSON object (see `funnelsim schema`)", SingleError(json).Message);

    [Theory]
    [InlineData("[1, 2]", "got an array")]
    [InlineData("42", "got a number")]
    [InlineData("null", "got null")]
    public void Root_must_be_an_object(string json, string got)
    {
        var error = SingleError(json);

        Assert.Equal("", error.Path);
        Assert.Contains("a scenario is a JSON object", error.Message);
        Assert.Contains(got, error.Message);
    }

    [Theory]
    [InlineData(64, false)]
    [InlineData(65, true)]
    [InlineData(10_000, true)]
    public void Nesting_deeper_than_64_levels_is_refused(int depth, bool refused)
    {
        string json = "{\"x\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}";

        var result = ScenarioLoader.Read(json);

        Assert.Equal(refused, result.Diagnostics.Any(d => d.Message == "nesting deeper than 64 levels is not allowed"));
        Assert.Null(result.Scenario);
    }

    [Fact]
    public void File_over_16_MiB_is_refused()
    {
        byte[] big = new byte[ScenarioReader.MaxBytes + 1];
        big.AsSpan().Fill((byte)' ');

        Assert.Contains("over 16 MiB", Assert.Single(ScenarioLoader.Read(big).Diagnostics).Message);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_with_its_position()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\n  \"name\": \""), 0xFF, .. Encoding.UTF8.GetBytes("\"\n}")];

        var error = Assert.Single(ScenarioLoader.Read(bytes).Diagnostics);

        Assert.Equal((2, 12), (error.Line, error.Column));
        Assert.Contains("not valid UTF-8", error.Message);
    }
}
