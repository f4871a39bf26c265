namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>The operation and entity-kind words of <see cref="Domain.History.AuditEntry"/>, as stored.</summary>
internal static class AuditNames
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Retire = "retire";
    public const string Relate = "relate";
    public const string Unrelate = "unrelate";

    public const string Ci = "ci";
    public const string Relationship = "relationship";
}
