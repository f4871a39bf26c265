using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Model;

/// <summary>A CI class of the model.</summary>
public sealed class CiClassType : ObjectGraphType<CiClass>
{
    public CiClassType(ICmdbStore store)
    {
        Name = "CiClass";
        Description = "A class of configuration item. Classes form a single-inheritance tree.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique name, e.g. LinuxServer.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("parent").Description("The class it extends; null for a root.").Resolve(c => c.Source.Parent);
        Field<NonNullGraphType<BooleanGraphType>>("abstract").Description("Abstract classes group others; no CI is of an abstract class.").Resolve(c => c.Source.Abstract);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("requiredAttributes")
            .Description("Attributes every CI of the class must carry, inherited ones included.").Resolve(c => store.Model.RequiredAttributes(c.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>>>("identification")
            .Description("Identifier-scheme sets in order: the first set a record fully carries decides its identity (inherited when not its own).")
            .Resolve(c => store.Model.IdentificationRule(c.Source));
        Field<NonNullGraphType<StringGraphType>>("description").Description("What the class stands for.").Resolve(c => c.Source.Description);
    }
}
