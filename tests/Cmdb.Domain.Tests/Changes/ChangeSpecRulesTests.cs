using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using static Cmdb.Domain.Tests.Changes.ChangeEstate;

namespace Cmdb.Domain.Tests.Changes;

public class ChangeSpecRulesTests
{
    private readonly ChangeRiskAssessor _assessor = new(new ChangeRiskOptions());

    [Fact]
    public void Assess_WindowEndingBeforeItStarts_IsRefused()
    {
        var spec = Spec(["db"]) with { PlannedEnd = Now };

        var e = Assert.Throws<CmdbException>(() => _assessor.Assess(spec, null, Context(Build())));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal("plannedEnd", e.Path);
        Assert.StartsWith("The planned window must end after it starts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_EmptyTargetList_IsRefused()
    {
        var e = Assert.Throws<CmdbException>(() => _assessor.Assess(Spec([]), null, Context(Build())));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal("A change must name at least one target CI.", e.Message);
    }

    [Fact]
    public void Assess_UnknownCi_IsNotFoundNamingIt()
    {
        var e = Assert.Throws<CmdbException>(() => _assessor.Assess(Spec(["db", "ghost"]), null, Context(Build())));

        Assert.Equal(ErrorCode.NotFound, e.Code);
        Assert.Contains("'ghost'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Assess_BlankTitle_IsRefused(string title)
    {
        var e = Assert.Throws<CmdbException>(() => _assessor.Assess(Spec(["db"]) with { Title = title }, null, Context(Build())));

        Assert.Equal("title", e.Path);
    }

    [Fact]
    public void Assess_DuplicateTarget_IsRefused()
    {
        var e = Assert.Throws<CmdbException>(() => _assessor.Assess(Spec(["db", "db"]), null, Context(Build())));

        Assert.Equal("A target CI is listed twice.", e.Message);
    }

    [Fact]
    public void Assess_RemovingARelationshipThatDoesNotExist_IsRefused()
    {
        var edit = new TopologyEdit(TopologyEditKind.RemoveRelationship, RelationshipType: "DEPENDS_ON", SourceId: "shop", TargetId: "db");

        var e = Assert.Throws<CmdbException>(() => _assessor.Assess(Spec(["db"], edits: [edit]), null, Context(Build())));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal("Edit 1 removes shop -DEPENDS_ON-> db, but no such relationship exists.", e.Message);
    }

    [Fact]
    public void Assess_EditWithoutItsFields_IsRefused()
    {
        var e = Assert.Throws<CmdbException>(() =>
            _assessor.Assess(Spec(["db"], edits: [new TopologyEdit(TopologyEditKind.AddCi, CiId: "new")]), null, Context(Build())));

        Assert.Equal("edits[0]", e.Path);
    }

    [Fact]
    public void Assess_AddingASecondDatabaseBehindTheApp_RemovesNothingFromTheLiveIndex()
    {
        var graph = Build();
        var edges = graph.EdgeCount;
        var edits = new[]
        {
            new TopologyEdit(TopologyEditKind.AddCi, CiId: "db2", ClassName: "Database", Environment: "production"),
            new TopologyEdit(TopologyEditKind.AddRelationship, RelationshipType: "DEPENDS_ON", SourceId: "app", TargetId: "db2"),
            new TopologyEdit(TopologyEditKind.RemoveRelationship, RelationshipType: "DEPENDS_ON", SourceId: "app", TargetId: "db"),
        };

        var result = _assessor.Assess(Spec(["db"], edits: edits), null, Context(graph));

        Assert.Null(result.Impact.Find("app")); // after the edits nothing depends on db any more
        Assert.Equal(edges, graph.EdgeCount);
        Assert.False(graph.TryGetNode("db2", out _));
    }
}
