namespace Cmdb.Domain.History;

/// <summary>The operation and entity-kind words of <see cref="AuditEntry"/>: every backend writes these, readers match on them.</summary>
public static class AuditNames
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Retire = "retire";
    public const string Relate = "relate";
    public const string Unrelate = "unrelate";

    public const string Ci = "ci";
    public const string Relationship = "relationship";
}
