using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>One identifier of a CI.</summary>
public sealed class IdentifierType : ObjectGraphType<KeyValuePair<string, string>>
{
    public IdentifierType()
    {
        Name = "Identifier";
        Description = "An identifier discovery matches on, e.g. fqdn = web-01.example.com.";
        Field<NonNullGraphType<StringGraphType>>("scheme").Description("The scheme: fqdn, serial, k8s.uid, cmdb.key, ...").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Description("The value, unique per scheme across the store.").Resolve(c => c.Source.Value);
    }
}
