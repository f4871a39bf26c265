namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>One schema step. Versions are applied in ascending order and never edited once shipped.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
