using System.Text.Json.Nodes;
using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests;

public sealed class ItemQueryTests : SeededHostTests
{
    [Fact]
    public async Task Ci_ById_ReturnsFieldsAndOutgoingRelationshipsWithTargets()
    {
        var data = await Host.DataAsync($$"""
            { ci(id: "{{T.Storefront}}") {
                id class name status environment criticality tags attributes
                identifiers { scheme value }
                relationships(direction: OUTGOING) { type wording target { name } }
            } }
            """);

        var expected = JsonNode.Parse($$"""
            { "ci": {
                "id": "{{T.Storefront}}", "class": "Application", "name": "Storefront", "status": "ACTIVE",
                "environment": "production", "criticality": 2, "tags": [], "attributes": { "language": "kotlin" },
                "identifiers": [ { "scheme": "cmdb.key", "value": "app/storefront" } ],
                "relationships": [
                  { "type": "DEPENDS_ON", "wording": "depends on", "target": { "name": "orders-db" } },
                  { "type": "RUNS_ON", "wording": "runs on", "target": { "name": "web-01" } },
                  { "type": "RUNS_ON", "wording": "runs on", "target": { "name": "web-02" } }
                ]
            } }
            """);
        SortRelationships(data);
        Assert.True(JsonNode.DeepEquals(expected, data), data.ToJsonString());
    }

    [Fact]
    public async Task Ci_UnknownId_ReturnsNullWithoutError()
    {
        var response = await Host.ExecuteAsync("""{ ci(id: "01JUNKNOWN0000000000000000") { name } }""");

        Assert.Null(response["errors"]);
        Assert.Null(response["data"]!["ci"]);
    }

    [Fact]
    public async Task Ci_BlankId_IsValidationError()
    {
        var response = await Host.ExecuteAsync("""{ ci(id: "  ") { name } }""");

        var error = ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "id must be 1 to 128 characters");
        Assert.Equal("id", error["extensions"]!["inputPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task CiByIdentifier_Fqdn_ReturnsTheServer()
    {
        var data = await Host.DataAsync("""{ ciByIdentifier(scheme: "fqdn", value: "web-02.acme.test") { name class attributes } }""");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "name": "web-02", "class": "LinuxServer", "attributes": { "cpu": 4 } }"""), data["ciByIdentifier"]));
    }

    [Fact]
    public async Task CiByIdentifier_NoHolder_ReturnsNull()
    {
        var data = await Host.DataAsync("""{ ciByIdentifier(scheme: "fqdn", value: "nobody.acme.test") { name } }""");

        Assert.Null(data["ciByIdentifier"]);
    }

    [Fact]
    public async Task CiByIdentifier_MalformedScheme_IsValidationError()
    {
        var response = await Host.ExecuteAsync("""{ ciByIdentifier(scheme: "FQDN!", value: "x") { name } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "identifier scheme 'FQDN!' must be lower-case");
    }

    [Fact]
    public async Task Relationships_IncomingOfType_ReturnsOnlyThoseWithSources()
    {
        var data = await Host.DataAsync($$"""
            { ci(id: "{{T.Web01}}") { relationships(direction: INCOMING, types: ["RUNS_ON"]) { type source { name } target { name } } } }
            """);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""[ { "type": "RUNS_ON", "source": { "name": "Storefront" }, "target": { "name": "web-01" } } ]"""),
            data["ci"]!["relationships"]));
    }

    [Fact]
    public async Task Relationships_UnknownType_IsModelViolation()
    {
        var response = await Host.ExecuteAsync($$"""{ ci(id: "{{T.Web01}}") { relationships(types: ["HUGS"]) { id } } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.ModelViolation, "Unknown relationship type 'HUGS'");
    }

    [Fact]
    public async Task Neighbours_DepthTwoOutgoing_ReturnsNearestFirstWithTheRelationshipUsed()
    {
        var data = await Host.DataAsync($$"""
            { ci(id: "{{T.Shop}}") { neighbours(depth: 2, direction: OUTGOING) { depth ci { name } via { type source { name } } } } }
            """);

        var neighbours = data["ci"]!["neighbours"]!.AsArray();
        Assert.Equal(4, neighbours.Count);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{ "depth": 1, "ci": { "name": "Storefront" }, "via": { "type": "DEPENDS_ON", "source": { "name": "Online shop" } } }"""),
            neighbours[0]));
        Assert.Equal(
            ["orders-db", "web-01", "web-02"],
            neighbours.Skip(1).Select(n => n!["ci"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(neighbours.Skip(1), n => Assert.Equal(2, n!["depth"]!.GetValue<int>()));
        Assert.All(neighbours.Skip(1), n => Assert.Equal("Storefront", n!["via"]!["source"]!["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public async Task Neighbours_DepthOutOfRange_IsValidationError(int depth)
    {
        var response = await Host.ExecuteAsync($$"""{ ci(id: "{{T.Shop}}") { neighbours(depth: {{depth}}) { depth } } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, $"depth must be between 1 and 6, not {depth}");
    }

    [Fact]
    public async Task Relationship_ById_ReturnsEndpoints()
    {
        var rel = (await Host.Store.Inner.GetRelationshipsAsync([T.Shop], Domain.Relationships.Direction.Outgoing, null, null, default))[T.Shop][0];

        var data = await Host.DataAsync($$"""{ relationship(id: "{{rel.Id}}") { type source { name } target { name } validTo createdBy } }""");

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{ "type": "DEPENDS_ON", "source": { "name": "Online shop" }, "target": { "name": "Storefront" }, "validTo": null, "createdBy": "system:system" }"""),
            data["relationship"]));
    }

    [Fact]
    public async Task Model_ListsClassesAndRelationshipTypesFromTheModelFile()
    {
        var data = await Host.DataAsync("""
            { model { classes { name parent abstract requiredAttributes identification } relationshipTypes { name forward reverse propagation redundant sources targets } } }
            """);

        var database = data["model"]!["classes"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "Database");
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{ "name": "Database", "parent": "DataStore", "abstract": false, "requiredAttributes": ["engine"], "identification": [["db.key"], ["cmdb.key"]] }"""),
            database));
        var dependsOn = data["model"]!["relationshipTypes"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "DEPENDS_ON");
        Assert.Equal("TARGET_TO_SOURCE", dependsOn!["propagation"]!.GetValue<string>());
        Assert.Equal(43, data["model"]!["classes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Ci_ProvenanceAndHistory_NameTheWriter()
    {
        var data = await Host.DataAsync($$"""
            { ci(id: "{{T.Web01}}") { provenance { field source } sources { source } history(first: 1) { totalCount edges { node { actor operation entityKind } } } } }
            """);

        Assert.Contains(data["ci"]!["provenance"]!.AsArray(), p => p!["field"]!.GetValue<string>() == "name" && p["source"]!.GetValue<string>() == "system:system");
        Assert.Equal("""{"actor":"system:system","operation":"relate","entityKind":"relationship"}""", data["ci"]!["history"]!["edges"]![0]!["node"]!.ToJsonString());
    }

    [Fact]
    public async Task Ci_HistoryFirstZero_IsValidationError()
    {
        var response = await Host.ExecuteAsync($$"""{ ci(id: "{{T.Web01}}") { history(first: 0) { totalCount } } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "first must be between 1 and 500, not 0");
    }

    private static void SortRelationships(JsonObject data)
    {
        var rels = data["ci"]!["relationships"]!.AsArray();
        var sorted = rels.Select(r => r!.DeepClone()).OrderBy(r => r["type"]!.GetValue<string>(), StringComparer.Ordinal)
            .ThenBy(r => r["target"]!["name"]!.GetValue<string>(), StringComparer.Ordinal).ToArray();
        rels.Clear();
        foreach (var r in sorted) rels.Add(r);
    }
}
