using System.Reflection;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Model;
using Cmdb.Testing;

namespace Cmdb.Domain.Tests;

public sealed class ModelLoaderTests
{
    [Fact]
    public void Load_TestModel_ReadsClassesAndTypes()
    {
        var model = TestModel.Load();

        var runsOn = model.GetRelationshipType("RUNS_ON");
        Assert.Equal("runs on", runsOn.Forward);
        Assert.Equal("runs", runsOn.Reverse);
        Assert.Equal(Propagation.TargetToSource, runsOn.Propagation);
        Assert.Equal(["Application", "Database"], runsOn.SourceClasses);
        Assert.False(runsOn.AllowSelfLoop);
        Assert.True(model.GetRelationshipType("BACKS_UP").AllowSelfLoop);
        Assert.Equal(Propagation.None, model.GetRelationshipType("BACKS_UP").Propagation);
        Assert.True(model.GetClass("Computer").Abstract);
        Assert.Equal("Server", model.GetClass("LinuxServer").Parent);
    }

    [Fact]
    public void Load_ShippedModel_HasEveryWellKnownName()
    {
        var model = ModelLoader.Load(RepoPaths.SeedModel);

        foreach (var name in Constants(typeof(WellKnown.Classes))) Assert.True(model.TryGetClass(name, out _), name);
        foreach (var name in Constants(typeof(WellKnown.RelationshipTypes))) Assert.True(model.TryGetRelationshipType(name, out _), name);
    }

    [Fact]
    public void Load_UnknownParent_IsModelViolation()
    {
        var e = Refused("""{ "classes": [ { "name": "A", "extends": "Nope" } ] }""");

        Assert.Contains("unknown class 'Nope'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InheritanceCycle_IsModelViolation()
    {
        var e = Refused("""{ "classes": [ { "name": "A", "extends": "B" }, { "name": "B", "extends": "A" } ] }""");

        Assert.Contains("inherits from itself", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateClass_IsModelViolation()
    {
        var e = Refused("""{ "classes": [ { "name": "A" }, { "name": "A" } ] }""");

        Assert.Contains("'A' is declared twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateRelationshipType_IsModelViolation()
    {
        var e = Refused("""
            { "relationshipTypes": [ { "name": "DEPENDS_ON", "forward": "f", "reverse": "r" }, { "name": "DEPENDS_ON", "forward": "f", "reverse": "r" } ] }
            """);

        Assert.Contains("'DEPENDS_ON' is declared twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameClassInTwoFiles_IsModelViolation()
    {
        var dir = Directory.CreateTempSubdirectory("cmdb-model-");
        try
        {
            var first = Path.Combine(dir.FullName, "a.json");
            var second = Path.Combine(dir.FullName, "b.json");
            File.WriteAllText(first, """{ "classes": [ { "name": "A" } ] }""");
            File.WriteAllText(second, """{ "classes": [ { "name": "B", "extends": "A" }, { "name": "A" } ] }""");

            var e = Assert.Throws<CmdbException>(() => ModelLoader.Load(first, second));

            Assert.Equal(ErrorCode.ModelViolation, e.Code);
            Assert.True(ModelLoader.Load(first).TryGetClass("A", out _));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_LaterFileExtendsEarlierOne()
    {
        var dir = Directory.CreateTempSubdirectory("cmdb-model-");
        try
        {
            var first = Path.Combine(dir.FullName, "a.json");
            var second = Path.Combine(dir.FullName, "b.json");
            File.WriteAllText(first, """{ "classes": [ { "name": "A", "requiredAttributes": ["x"] } ] }""");
            File.WriteAllText(second, """{ "classes": [ { "name": "B", "extends": "A" } ] }""");

            var model = ModelLoader.Load(first, second);

            Assert.True(model.IsA("B", "A"));
            Assert.Equal(["x"], model.RequiredAttributes(model.GetClass("B")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("downstream")]
    [InlineData("TargetToSource")]
    [InlineData("")]
    public void Load_BadPropagationWord_IsModelViolation(string word)
    {
        var e = Refused($$"""{ "relationshipTypes": [ { "name": "X", "forward": "f", "reverse": "r", "propagation": "{{word}}" } ] }""");

        Assert.Contains("none, targetToSource, sourceToTarget or both", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TypeNamingUnknownClass_IsModelViolation()
    {
        var e = Refused("""{ "relationshipTypes": [ { "name": "X", "forward": "f", "reverse": "r", "targets": ["Ghost"] } ] }""");

        Assert.Contains("'Ghost'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "classes": [ { "extends": "A" } ] }""", "lacks 'name'")]
    [InlineData("""{ "relationshipTypes": [ { "name": "X", "reverse": "r" } ] }""", "lacks 'forward'")]
    [InlineData("""{ "classes": [ { "name": "A", "abstract": "yes" } ] }""", "'abstract' must be true or false")]
    [InlineData("""{ "classes": [ { "name": "A", "requiredAttributes": "engine" } ] }""", "'requiredAttributes' must be an array")]
    [InlineData("""{ "classes": [ { "name": "A", "identification": [["a", 1]] } ] }""", "'identification' must hold strings only")]
    [InlineData("""{ "classes": [ { "name": "A", "identification": ["a"] } ] }""", "'identification' must be an array")]
    [InlineData("""{ "classes": { "name": "A" } }""", "'classes' must be an array")]
    [InlineData("""{ "classes": [ "A" ] }""", "must be an object")]
    [InlineData("""{ "relationshipTypes": [ { "name": "X", "forward": "f", "reverse": "r", "redundant": 1 } ] }""", "'redundant' must be true or false")]
    [InlineData("""[]""", "must be a JSON object")]
    public void Load_WrongShape_IsModelViolationNotACrash(string json, string message)
    {
        var e = Refused(json);

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedJson_IsValidationError()
    {
        var e = Assert.Throws<CmdbException>(() => TestModel.Load("{ \"classes\": [ "));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Contains("test-model", e.Message, StringComparison.Ordinal);
    }

    private static CmdbException Refused(string json)
    {
        var e = Assert.Throws<CmdbException>(() => TestModel.Load(json));
        Assert.Equal(ErrorCode.ModelViolation, e.Code);
        return e;
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
}
