using Cmdb.Domain.Errors;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

public abstract partial class CmdbStoreContractTests
{
    [Fact]
    public async Task ApplyAsync_SerialAndNewFqdn_SerialDecidesAndFqdnMoves()
    {
        var id = (await ApplyAsync(Server("db-host", serial: "S-1", fqdn: "old.example.com"))).Results[0].EntityId;

        var result = await ApplyAsync(Server("db-host", serial: "S-1", fqdn: "new.example.com"));

        Assert.Equal(WriteOutcome.Updated, result.Results[0].Outcome);
        Assert.Equal(id, result.Results[0].EntityId);
        Assert.Equal(1, await TotalCisAsync());
        Assert.Equal(id, (await Store.FindByIdentifierAsync(WellKnown.Identifiers.Fqdn, "new.example.com", null, CancellationToken.None))?.Id);
        Assert.Null(await Store.FindByIdentifierAsync(WellKnown.Identifiers.Fqdn, "old.example.com", null, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_IdentifiersMatchTwoCis_ConflictNamingBothAndNothingWritten()
    {
        var a = (await ApplyAsync(Server("a", serial: "S-1"))).Results[0].EntityId;
        var b = (await ApplyAsync(Server("b", fqdn: "b.example.com"))).Results[0].EntityId;

        var e = await FailsAsync(ErrorCode.Conflict, App("first", "app:first"), Server("merged", serial: "S-1", fqdn: "b.example.com"));

        Assert.Contains(a, e.Message, StringComparison.Ordinal);
        Assert.Contains(b, e.Message, StringComparison.Ordinal);
        Assert.Equal(2, await TotalCisAsync());
        Assert.Equal("a", (await GetAsync(a)).Name);
        Assert.Null(await Store.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, "app:first", null, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_IdentifierHeldByAnotherCi_Conflict()
    {
        await ApplyAsync(Server("a", serial: "S-1", fqdn: "shared.example.com"));
        var b = (await ApplyAsync(Server("b", serial: "S-2"))).Results[0].EntityId;
        var steal = new UpdateCi(b, 1, new Domain.Items.CiFields
        {
            Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.Fqdn] = "shared.example.com" },
        });

        var e = await FailsAsync(ErrorCode.Conflict, steal);

        Assert.Contains("shared.example.com", e.Message, StringComparison.Ordinal);
        Assert.False((await GetAsync(b)).Identifiers.ContainsKey(WellKnown.Identifiers.Fqdn));
    }

    [Fact]
    public async Task ApplyAsync_RuleSetNotCarried_FallsBackToAnySingleIdentifier()
    {
        static UpsertCi ByRepo(Domain.Items.CiFields fields) => new(null, WellKnown.Classes.Application,
            fields with { Identifiers = new Dictionary<string, string> { ["git.repo"] = "shop" } });
        var id = (await ApplyAsync(ByRepo(new Domain.Items.CiFields { Name = "shop" }))).Results[0].EntityId;

        var result = await ApplyAsync(ByRepo(new Domain.Items.CiFields { Owner = "team-shop" }));

        Assert.Equal(WriteOutcome.Updated, result.Results[0].Outcome);
        Assert.Equal(id, result.Results[0].EntityId);
        Assert.Equal("team-shop", (await GetAsync(id)).Owner);
        Assert.Equal(1, await TotalCisAsync());
    }

    [Fact]
    public async Task ApplyAsync_UnknownClass_ModelViolation()
    {
        var e = await FailsAsync(ErrorCode.ModelViolation, new UpsertCi(null, "Toaster", new Domain.Items.CiFields { Name = "t" }));

        Assert.Contains("Toaster", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_AbstractClass_ModelViolation()
    {
        var e = await FailsAsync(ErrorCode.ModelViolation, new UpsertCi(null, WellKnown.Classes.Computer, new Domain.Items.CiFields { Name = "c" }));

        Assert.Contains("abstract", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await TotalCisAsync());
    }

    [Fact]
    public async Task ApplyAsync_MissingRequiredAttribute_ModelViolation()
    {
        var db = new UpsertCi(null, WellKnown.Classes.Database, new Domain.Items.CiFields { Name = "orders-db" });

        var e = await FailsAsync(ErrorCode.ModelViolation, db);

        Assert.Contains("engine", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_DisallowedEndpointClasses_ModelViolation()
    {
        await ApplyAsync(App("shop", "app:shop"), Server("web-01", serial: "S-1"));
        var backwards = Relate(WellKnown.RelationshipTypes.RunsOn, "S-1", "app:shop", sourceScheme: WellKnown.Identifiers.Serial);

        var e = await FailsAsync(ErrorCode.ModelViolation, backwards);

        Assert.Contains(WellKnown.RelationshipTypes.RunsOn, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_SelfLoop_ModelViolation()
    {
        await ApplyAsync(App("shop", "app:shop"));

        await FailsAsync(ErrorCode.ModelViolation, Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:shop"));
    }

    [Fact]
    public async Task ApplyAsync_UnknownRelationshipTypeOrReference_FailsNamingIt()
    {
        await ApplyAsync(App("shop", "app:shop"));

        await FailsAsync(ErrorCode.ModelViolation, Relate("LIKES", "app:shop", "app:shop"));
        var e = await FailsAsync(ErrorCode.NotFound, Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:nowhere"));
        Assert.Contains("app:nowhere", e.Message, StringComparison.Ordinal);
        await FailsAsync(ErrorCode.NotFound, new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn,
            CiRef.ById("01JNOSUCHCI000000000000000"), CiRef.ByIdentifier(WellKnown.Identifiers.CmdbKey, "app:shop"), null));
        await FailsAsync(ErrorCode.Validation, new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn,
            new CiRef(null, null, null), CiRef.ByIdentifier(WellKnown.Identifiers.CmdbKey, "app:shop"), null));
    }
}
