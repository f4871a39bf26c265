using Cmdb.Domain.Items;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>A source that reported a CI.</summary>
public sealed class SourceSightingType : ObjectGraphType<SourceSighting>
{
    public SourceSightingType()
    {
        Name = "SourceSighting";
        Description = "A source that reported the CI, and when it first and last saw it.";
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source's name.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<DateTimeType>>("firstSeen").Description("When it first reported the CI.").Resolve(c => c.Source.FirstSeen);
        Field<NonNullGraphType<DateTimeType>>("lastSeen").Description("When it last reported the CI.").Resolve(c => c.Source.LastSeen);
    }
}
