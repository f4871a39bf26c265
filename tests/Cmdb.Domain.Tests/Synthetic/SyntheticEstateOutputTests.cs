using Cmdb.Domain.Impact;
using Cmdb.Domain.Import;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Testing;
using Cmdb.Testing.Synthetic;
using Xunit;

namespace Cmdb.Domain.Tests.Synthetic;

public sealed class SyntheticEstateOutputTests(SyntheticEstateFixture fixture) : IClassFixture<SyntheticEstateFixture>
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SyntheticEstate _estate = fixture.Estate;

    [Fact]
    public void WriteImportDocument_ReadBack_GivesEveryCiAndRelationshipWithResolvableEnds()
    {
        var batch = Read(s => _estate.WriteImportDocument(s));

        var cis = batch.Operations.OfType<UpsertCi>().ToList();
        var relationships = batch.Operations.OfType<UpsertRelationship>().ToList();
        Assert.Equal(_estate.CiCount, cis.Count);
        Assert.Equal(_estate.RelationshipCount, relationships.Count);
        var declared = cis.SelectMany(c => c.Fields.Identifiers!.Select(i => (i.Key, i.Value))).ToHashSet();
        foreach (var r in relationships)
        {
            Assert.Contains((r.Source.Scheme!, r.Source.Value!), declared);
            Assert.Contains((r.Target.Scheme!, r.Target.Value!), declared);
        }

        var database = cis.First(c => c.Class == WellKnown.Classes.Database);
        Assert.NotNull(database.Fields.Attributes?["engine"]);
    }

    [Fact]
    public void WriteImportDocument_Slices_CoverTheEstateExactlyOnce()
    {
        var half = _estate.CiCount / 2;
        var relHalf = _estate.RelationshipCount / 2;
        var first = Read(s => _estate.WriteImportDocument(s, 0, half, 0, 0));
        var second = Read(s => _estate.WriteImportDocument(s, half, _estate.CiCount - half, 0, relHalf));
        var third = Read(s => _estate.WriteImportDocument(s, _estate.CiCount, 0, relHalf, _estate.RelationshipCount - relHalf));

        var names = first.Operations.Concat(second.Operations).OfType<UpsertCi>().Select(c => c.Fields.Name).ToHashSet();
        Assert.Equal(_estate.CiCount, names.Count);
        Assert.Equal(_estate.RelationshipCount, second.Operations.Concat(third.Operations).OfType<UpsertRelationship>().Count());
    }

    [Theory]
    [InlineData(-1, 10, 0, 0)]
    [InlineData(0, int.MaxValue / 2, 0, 0)]
    [InlineData(0, 0, -1, 1)]
    [InlineData(0, 0, 0, int.MaxValue / 2)]
    public void WriteImportDocument_SliceOutsideTheEstate_IsRefusedBeforeWriting(int ciStart, int ciCount, int relStart, int relCount)
    {
        using var buffer = new MemoryStream();

        Assert.Throws<ArgumentOutOfRangeException>(() => _estate.WriteImportDocument(buffer, ciStart, ciCount, relStart, relCount));
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void LoadGraph_HoldsEveryCiAndRelationshipAsOneCommit()
    {
        var graph = _estate.LoadGraph(TestModels.Seed, At);

        Assert.Equal(_estate.CiCount, graph.NodeCount);
        Assert.Equal(_estate.RelationshipCount, graph.EdgeCount);
        Assert.Equal(1, graph.Commits.Latest);
        Assert.True(graph.TryGetNode(_estate.Id(123), out var node));
        Assert.Equal(123, node);
        Assert.Equal(TestModels.Seed.GetClass(_estate.Class(123)).Index, graph.StateAt(123, 1)!.ClassIndex);
    }

    [Fact]
    public void References_ReachSizes_EqualWhatTheImpactAnalyzerReaches()
    {
        var graph = _estate.LoadGraph(TestModels.Seed, At);
        var analyzer = new ImpactAnalyzer();
        foreach (var reference in _estate.References.All)
        {
            var result = analyzer.Impact(graph, [_estate.Id(reference.Index)], new ImpactScope { MaxDepth = 50 });

            Assert.Equal(reference.ReachSize, result.TotalCount);
        }
    }

    [Fact]
    public void References_AreOfTheirClassesAndOrderedByBlastRadius()
    {
        var r = _estate.References;

        Assert.Equal(SyntheticKind.CoreSwitch, _estate.Kind(r.CoreSwitch.Index));
        Assert.Equal(WellKnown.Classes.Database, _estate.Class(r.SharedDatabase.Index));
        Assert.Equal(WellKnown.Classes.Hypervisor, _estate.Class(r.Hypervisor.Index));
        Assert.Equal(WellKnown.Classes.Application, _estate.Class(r.MidTierApplication.Index));
        Assert.True(r.CoreSwitch.ReachSize > r.Hypervisor.ReachSize);
        Assert.True(r.CoreSwitch.ReachSize > r.SharedDatabase.ReachSize);
        Assert.True(r.Hypervisor.ReachSize > r.MidTierApplication.ReachSize);
        Assert.True(r.MidTierApplication.ReachSize > 1);
    }

    private static WriteBatch Read(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        return ImportDocumentReader.Read(buffer);
    }
}
