using FunnelSim.Cli;

namespace FunnelSim.Tests;

public class ProgressTests
{
    [Fact]
    public async Task ATerminalGetsAProgressBarThatIsClearedAtTheEnd()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await FunnelSimCli.RunAsync(["run", "--iterations", "20000", "--threads", "2"],
            new CliContext(output, error, ErrorIsTerminal: true));

        Assert.Equal(0, code);
        string text = error.ToString();
        Assert.Contains("20,000/20,000 iterations", text);
        Assert.Contains("/s", text);
        Assert.Contains("left", text);
        Assert.EndsWith("\r\u001b[2K", text);
        Assert.DoesNotContain("iterations", output.ToString()[..200]);
    }
}
