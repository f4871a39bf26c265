using Cmdb.Domain.Model;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Model;

/// <summary>The model in force: classes and relationship types.</summary>
public sealed class ModelType : ObjectGraphType<ModelCatalog>
{
    public ModelType()
    {
        Name = "Model";
        Description = "The CI classes and relationship types writes are checked against. The model is data (seed/model.json).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CiClassType>>>>("classes").Description("Every CI class.").Resolve(c => c.Source.Classes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipTypeType>>>>("relationshipTypes").Description("Every relationship type.").Resolve(c => c.Source.RelationshipTypes);
    }
}
