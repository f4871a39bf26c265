using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>An ISO 8601 moment with an offset; the API answers in UTC.</summary>
public sealed class DateTimeType : DateTimeOffsetGraphType
{
    public DateTimeType()
    {
        Name = "DateTime";
        Description = "A moment in ISO 8601 with an offset, e.g. 2026-11-30T03:00:00Z.";
    }
}
