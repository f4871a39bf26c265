using Cmdb.Domain.Errors;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Tests;

public sealed class ModelCatalogTests
{
    private readonly ModelCatalog _model = TestModel.Load();

    [Theory]
    [InlineData("LinuxServer", "LinuxServer", true)]
    [InlineData("LinuxServer", "Server", true)]
    [InlineData("LinuxServer", "Computer", true)]
    [InlineData("LinuxServer", "ConfigurationItem", true)]
    [InlineData("Server", "LinuxServer", false)]
    [InlineData("VirtualMachine", "Server", false)]
    [InlineData("LinuxServer", "NoSuchClass", false)]
    public void IsA_FollowsTheInheritanceChain(string cls, string ancestor, bool expected)
    {
        Assert.Equal(expected, _model.IsA(cls, ancestor));
    }

    [Fact]
    public void IsA_ByIndex_AgreesWithByName()
    {
        foreach (var c in _model.Classes)
        {
            foreach (var a in _model.Classes) Assert.Equal(_model.IsA(c.Name, a.Name), _model.IsA(c.Index, a.Index));
        }
    }

    [Fact]
    public void WithSubclasses_ListsTheClassAndItsDescendants()
    {
        var names = _model.WithSubclasses(_model.GetClass("Computer")).Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["Computer", "LinuxServer", "Server", "VirtualMachine"], names);
    }

    [Fact]
    public void RequiredAttributes_IncludeInheritedOnesOnce()
    {
        Assert.Equal(["version", "engine"], _model.RequiredAttributes(_model.GetClass("PostgresDatabase")));
        Assert.Equal(["engine"], _model.RequiredAttributes(_model.GetClass("Database")));
        Assert.Empty(_model.RequiredAttributes(_model.GetClass("Application")));
    }

    [Fact]
    public void IdentificationRule_IsOwnOrNearestAncestors()
    {
        Assert.Equal([["serial"], ["fqdn"]], _model.IdentificationRule(_model.GetClass("LinuxServer")));
        Assert.Equal([["db.key"]], _model.IdentificationRule(_model.GetClass("PostgresDatabase")));
        Assert.Equal([["cmdb.key"]], _model.IdentificationRule(_model.GetClass("Application")));
    }

    [Fact]
    public void GetClass_Unknown_IsModelViolationWithPath()
    {
        var e = Assert.Throws<CmdbException>(() => _model.GetClass("Mainframe", "cis[2].class"));

        Assert.Equal(ErrorCode.ModelViolation, e.Code);
        Assert.Equal("cis[2].class", e.Path);
        Assert.Contains("Mainframe", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetRelationshipType_Unknown_IsModelViolation()
    {
        var e = Assert.Throws<CmdbException>(() => _model.GetRelationshipType("LIKES"));

        Assert.Equal(ErrorCode.ModelViolation, e.Code);
    }

    [Theory]
    [InlineData("RUNS_ON", "Application", "LinuxServer")]
    [InlineData("RUNS_ON", "PostgresDatabase", "VirtualMachine")]
    [InlineData("DEPENDS_ON", "VirtualMachine", "Application")]
    public void EnsureAllowed_AllowedEndpointsIncludingSubclasses_Passes(string type, string source, string target)
    {
        _model.EnsureAllowed(_model.GetRelationshipType(type), _model.GetClass(source), _model.GetClass(target), selfLoop: false);
    }

    [Theory]
    [InlineData("RUNS_ON", "VirtualMachine", "LinuxServer", "cannot start at a VirtualMachine")]
    [InlineData("RUNS_ON", "Application", "Database", "cannot end at a Database")]
    public void EnsureAllowed_DisallowedEndpoint_IsModelViolation(string type, string source, string target, string message)
    {
        var e = Assert.Throws<CmdbException>(() =>
            _model.EnsureAllowed(_model.GetRelationshipType(type), _model.GetClass(source), _model.GetClass(target), false, "relationships[0]"));

        Assert.Equal(ErrorCode.ModelViolation, e.Code);
        Assert.Equal("relationships[0]", e.Path);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureAllowed_SelfLoop_OnlyWhereTheTypeAllowsIt()
    {
        var app = _model.GetClass("Application");

        var e = Assert.Throws<CmdbException>(() => _model.EnsureAllowed(_model.GetRelationshipType("DEPENDS_ON"), app, app, selfLoop: true));
        Assert.Equal(ErrorCode.ModelViolation, e.Code);
        _model.EnsureAllowed(_model.GetRelationshipType("BACKS_UP"), app, app, selfLoop: true);
    }

    [Fact]
    public void Indexes_AreDenseAndMatchPositions()
    {
        Assert.Equal(Enumerable.Range(0, _model.Classes.Count), _model.Classes.Select(c => c.Index));
        Assert.Equal(Enumerable.Range(0, _model.RelationshipTypes.Count), _model.RelationshipTypes.Select(t => t.Index));
    }
}
