using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>
/// Facts about the demo estate read straight from the store (not through the impact fields under test), so the
/// impact tests derive their expectations from the data instead of hard-coding counts.
/// </summary>
public sealed class EstateFacts(GraphQLTestHost host)
{
    /// <summary>The demo estate's single-primary ERP database.</summary>
    public const string ErpScheme = WellKnown.Identifiers.DbKey;
    public const string ErpKey = "pg-erp-01/erp";

    /// <summary>A replica set of three members that needs two healthy.</summary>
    public const string GroupKey = "replicaset/pg-orders";

    /// <summary>An application that needs the ERP database and runs on a VM through an instance.</summary>
    public const string PayrollAppKey = "app/payroll";

    public ModelCatalog Model => host.Store.Model;

    public async Task<ConfigurationItem> CiAsync(string scheme, string value) =>
        await host.Store.Inner.FindByIdentifierAsync(scheme, value, null, default)
        ?? throw new InvalidOperationException($"The demo estate has no CI with {scheme}={value}.");

    public async Task<IReadOnlyDictionary<string, ConfigurationItem>> CisAsync(IEnumerable<string> ids) =>
        await host.Store.Inner.GetCisAsync(ids.Distinct(StringComparer.Ordinal).ToArray(), null, default);

    public async Task<IReadOnlyList<Relationship>> RelationshipsAsync(string ciId, Direction direction, string type) =>
        (await host.Store.Inner.GetRelationshipsAsync([ciId], direction, [type], null, default)).GetValueOrDefault(ciId) ?? [];

    /// <summary>The CIs at the other end of <paramref name="ciId"/>'s relationships of a type, keyed by id.</summary>
    public async Task<IReadOnlyDictionary<string, ConfigurationItem>> NeighboursAsync(string ciId, Direction direction, string type)
    {
        var relationships = await RelationshipsAsync(ciId, direction, type);
        return await CisAsync(relationships.Select(r => direction == Direction.Incoming ? r.SourceId : r.TargetId));
    }

    public bool IsA(ConfigurationItem ci, string ancestorClass) => Model.IsA(ci.Class, ancestorClass);

    public static string Vars(params (string Name, JsonNode? Value)[] variables)
    {
        var o = new JsonObject();
        foreach (var (name, value) in variables) o[name] = value;
        return o.ToJsonString();
    }

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
