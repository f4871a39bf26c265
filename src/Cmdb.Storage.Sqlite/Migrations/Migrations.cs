namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>The schema history, oldest first. Append new steps; never change a shipped one.</summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "initial schema", V0001Initial.Sql),
        new(2, "change records", V0002Changes.Sql),
    ];

    public static int Latest => All[^1].Version;
}
