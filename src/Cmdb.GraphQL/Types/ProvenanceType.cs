using Cmdb.Domain.Items;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>Who last set a field of a CI.</summary>
public sealed class ProvenanceType : ObjectGraphType<KeyValuePair<string, AttributeProvenance>>
{
    public ProvenanceType()
    {
        Name = "Provenance";
        Description = "Who last set a field or attribute, and when.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("The field; attributes are named attributes.NAME.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("source").Description("The writer, e.g. discovery:vcenter or user:alice.").Resolve(c => c.Source.Value.Source);
        Field<NonNullGraphType<DateTimeType>>("at").Description("When it was set.").Resolve(c => c.Source.Value.At);
    }
}
