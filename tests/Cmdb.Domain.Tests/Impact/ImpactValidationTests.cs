using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

public class ImpactValidationTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    private static GraphIndex Graph() =>
        new GraphBuilder().Ci("db", Database).Ci("app", Application).Rel("app", DependsOn, "db").Build();

    private static void AssertError(ErrorCode code, string fragment, Action act)
    {
        var e = Assert.Throws<CmdbException>(act);
        Assert.Equal(code, e.Code);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Impact_EmptyList_Validation() =>
        AssertError(ErrorCode.Validation, "at least one CI", () => _analyzer.Impact(Graph(), []));

    [Fact]
    public void Impact_BlankId_Validation() =>
        AssertError(ErrorCode.Validation, "CI id number 2 is empty", () => _analyzer.Impact(Graph(), ["db", " "]));

    [Fact]
    public void Impact_UnknownIds_NotFoundNamingEveryOne() =>
        AssertError(ErrorCode.NotFound, "'x1', 'x2'", () => _analyzer.Impact(Graph(), ["x1", "db", "x2"]));

    [Fact]
    public void Impact_CiCreatedAfterAsOf_NotFound()
    {
        var b = new GraphBuilder().Ci("db", Database).Commit(out var before);
        var graph = b.Ci("app", Application).Build();

        AssertError(ErrorCode.NotFound, $"'app' as of commit {before}", () => _analyzer.Impact(graph, ["app"], new ImpactScope { AsOfSeq = before }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    public void Impact_DepthOutOfRange_Validation(int depth) =>
        AssertError(ErrorCode.Validation, "between 0 and 50", () => _analyzer.Impact(Graph(), ["db"], new ImpactScope { MaxDepth = depth }));

    [Fact]
    public void Impact_DepthAboveConfiguredCap_Validation()
    {
        var analyzer = new ImpactAnalyzer(new ImpactOptions { MaxDepthCap = 5 });

        AssertError(ErrorCode.Validation, "between 0 and 5", () => analyzer.Impact(Graph(), ["db"], new ImpactScope { MaxDepth = 6 }));
    }

    [Fact]
    public void Impact_UnknownRelationshipType_ValidationNamingIt() =>
        AssertError(ErrorCode.Validation, "'DEPENDS_UPON'", () => _analyzer.Impact(Graph(), ["db"], new ImpactScope { RelationshipTypes = [DependsOn, "DEPENDS_UPON"] }));

    [Theory]
    [InlineData(-1)]
    [InlineData(99)]
    public void Impact_UnknownCommit_Validation(int seq) =>
        AssertError(ErrorCode.Validation, $"Commit {seq} does not exist", () => _analyzer.Impact(Graph(), ["db"], new ImpactScope { AsOfSeq = seq }));

    [Fact]
    public void Impact_BlankEnvironment_Validation() =>
        AssertError(ErrorCode.Validation, "environment name is empty", () => _analyzer.Impact(Graph(), ["db"], new ImpactScope { Environments = [""] }));

    [Fact]
    public void Impact_AfterARefusedRequest_NextRequestIsUnaffected()
    {
        var graph = Graph();
        Assert.Throws<CmdbException>(() => _analyzer.Impact(graph, ["db", "nope"]));

        Assert.Equal(2, _analyzer.Impact(graph, ["db"]).TotalCount);
    }

    [Fact]
    public void Dependencies_UnknownCi_NotFound() =>
        AssertError(ErrorCode.NotFound, "'nope'", () => _analyzer.Dependencies(Graph(), "nope"));

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Paths_CountOutOfRange_Validation(int count) =>
        AssertError(ErrorCode.Validation, "between 1 and 20 paths", () => _analyzer.Paths(Graph(), "app", "db", count));

    [Fact]
    public void Paths_SameCiAtBothEnds_Validation() =>
        AssertError(ErrorCode.Validation, "same CI", () => _analyzer.Paths(Graph(), "db", "db"));

    [Fact]
    public void SinglePointsOfFailure_UnknownService_NotFound() =>
        AssertError(ErrorCode.NotFound, "'nope'", () => _analyzer.SinglePointsOfFailure(Graph(), "nope"));
}
