using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Model;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Analysis;

public class ComparisonCoverageTests
{
    [Fact]
    public void ListsEverythingOnlyOneSideHas()
    {
        var a = ModelCompiler.Compile(Scenario(years: 3, indications: [
            Indication("x", preTest: [Step("advanced", Fixed(0.7)), Step("extra", Fixed(0.9))]), Indication("y")]));
        var b = ModelCompiler.Compile(Scenario(years: 4, indications: Indication("x")) with { StartYear = 2027 });

        var notes = ComparisonCoverage.NotCompared(a, b);

        Assert.Equal([
            "indication 'y' is only in A",
            "year 2026 is only in A",
            "years 2029–2030 are only in B",
            "x: metric 'extra' is only in A",
            "x: metric 'second-line' is only in B",
            // A's total has only the steps all of A's indications share (y keeps the default "second-line").
            "total: metric 'second-line' is only in B",
        ], notes);
    }

    [Fact]
    public void MatchingScenariosLeaveNothingOut()
    {
        var model = ModelCompiler.Compile(Scenario());
        Assert.Empty(ComparisonCoverage.NotCompared(model, model));
    }
}
