using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Testing;
using Cmdb.Testing.Synthetic;
using Xunit;

namespace Cmdb.Domain.Tests.Synthetic;

public sealed class SyntheticEstateShapeTests(SyntheticEstateFixture fixture) : IClassFixture<SyntheticEstateFixture>
{
    private readonly SyntheticEstate _estate = fixture.Estate;

    [Theory]
    [InlineData(5_000)]
    [InlineData(20_000)]
    [InlineData(60_000)]
    public void Generate_AnyCount_StaysWithinFivePercentOfTheCountAsked(int count)
    {
        var estate = SyntheticEstate.Generate(count, 1);

        Assert.InRange(estate.CiCount, count * 0.95, count * 1.05);
    }

    [Fact]
    public void Generate_Relationships_AverageAboutFourPerCi()
    {
        var perCi = (double)_estate.RelationshipCount / _estate.CiCount;

        Assert.InRange(perCi, 3.5, 4.5);
    }

    [Fact]
    public void Generate_EveryRelationship_IsAllowedByTheShippedModel()
    {
        var model = TestModels.Seed;
        for (var r = 0; r < _estate.RelationshipCount; r++)
        {
            var rel = _estate.Relationship(r);
            var type = model.GetRelationshipType(rel.TypeName);
            model.EnsureAllowed(type, model.GetClass(_estate.Class(rel.Source)), model.GetClass(_estate.Class(rel.Target)), rel.Source == rel.Target, $"relationships[{r}]");
        }
    }

    [Fact]
    public void Generate_EveryCi_IsOfAConcreteClassAndCarriesItsRequiredAttributes()
    {
        var model = TestModels.Seed;
        for (var i = 0; i < _estate.CiCount; i++)
        {
            var ciClass = model.GetClass(_estate.Class(i));
            Assert.False(ciClass.Abstract, $"{_estate.Name(i)} is of abstract class {ciClass.Name}");
            string[] attributes = _estate.Engine(i) is null ? [] : ["engine"];
            foreach (var required in model.RequiredAttributes(ciClass)) Assert.Contains(required, attributes);
        }
    }

    [Fact]
    public void Generate_EveryIdentifierScheme_IsOneTheClassIdentificationRuleMatchesOn()
    {
        var model = TestModels.Seed;
        foreach (var info in SyntheticKindInfo.All)
        {
            var rule = model.IdentificationRule(model.GetClass(info.Class));
            Assert.Contains(rule, set => set.Count == 1 && set[0] == info.Scheme);
        }
    }

    [Fact]
    public void Generate_IdsNamesAndIdentifiers_AreUniqueAndIdsAreUlids()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var identifiers = new HashSet<(string, string)>();
        for (var i = 0; i < _estate.CiCount; i++)
        {
            var ci = _estate.Ci(i);
            Assert.True(Ulid.IsValid(ci.Id), ci.Id);
            Assert.True(ids.Add(ci.Id), ci.Id);
            Assert.True(names.Add(ci.Name), ci.Name);
            Assert.True(identifiers.Add((ci.Scheme, ci.Value)), $"{ci.Scheme}={ci.Value}");
            if (ci.Fqdn is { } fqdn) Assert.True(identifiers.Add((WellKnown.Identifiers.Fqdn, fqdn)), fqdn);
        }
    }

    [Fact]
    public void PropagationTable_MatchesTheShippedModel()
    {
        var model = TestModels.Seed;
        foreach (var type in Enum.GetValues<SyntheticRelationshipType>())
        {
            var declared = model.GetRelationshipType(SyntheticRelationshipTypes.Name(type));
            Assert.Equal(declared.Propagation, SyntheticRelationshipTypes.PropagationOf(type));
        }
    }

    [Fact]
    public void Generate_Layers_AreAllPresent()
    {
        var counts = _estate.CountByClass();
        foreach (var kind in Enum.GetValues<SyntheticKind>())
        {
            Assert.True(counts.GetValueOrDefault(SyntheticKindInfo.Of(kind).Class) > 0, $"no {kind}");
        }

        Assert.True(counts[WellKnown.Classes.Pod] > counts[WellKnown.Classes.KubernetesNode]);
        Assert.True(counts[WellKnown.Classes.VirtualMachine] > counts[WellKnown.Classes.Hypervisor] * 10);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(-5)]
    public void Generate_TooFewCis_IsRefused(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEstate.Generate(count, 1));
    }
}
