namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>The schema history, oldest first. Append new steps; never change a shipped one.</summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "initial schema", V0001Initial.Sql),
        new(2, "change records", V0002Changes.Sql),
        new(3, "discovery state", V0003Discovery.Sql),
        new(4, "incidents and monitoring events", V0004Incidents.Sql),
        new(5, "change templates", V0005ChangeTemplates.Sql),
        new(6, "compact audit entries for new relationships", V0006CompactRelateAudit.Sql),
        new(7, "compact audit entries for new CIs", V0007CompactCreateAudit.Sql),
        new(8, "relationship audit table; relationships found by id through the index", V0008RelationshipAudit.Sql),
        new(9, "current identifiers in a table keyed by (scheme, value)", V0009CurrentIdentifiers.Sql),
        new(10, "audit entries of new CIs stored as runs", V0010CreationRuns.Sql),
        new(11, "class filters served from the graph index; ci_class dropped", V0011ClassFromIndex.Sql),
        new(12, "the search index in a file of its own", V0012SearchFile.Sql),
        new(13, "a CI version's end derived from its successor; ci_version_ended dropped", V0013DerivedVersionEnd.Sql),
        new(14, "a CI's current version is its highest version; ci.version no longer read", V0014CurrentVersionDerived.Sql),
    ];

    public static int Latest => All[^1].Version;
}
