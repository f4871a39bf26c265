using Cmdb.Domain.Model;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Model;

/// <summary>A relationship type of the model.</summary>
public sealed class RelationshipTypeType : ObjectGraphType<RelationshipType>
{
    public RelationshipTypeType()
    {
        Name = "RelationshipType";
        Description = "A type of relationship, with its wording, allowed endpoints and impact propagation.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique name, e.g. DEPENDS_ON.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("forward").Description("Wording from the source, e.g. 'depends on'.").Resolve(c => c.Source.Forward);
        Field<NonNullGraphType<StringGraphType>>("reverse").Description("Wording from the target, e.g. 'used by'.").Resolve(c => c.Source.Reverse);
        Field<NonNullGraphType<PropagationType>>("propagation").Description("How trouble travels along it.").Resolve(c => c.Source.Propagation);
        Field<NonNullGraphType<BooleanGraphType>>("redundant").Description("True when several of these into one CI are interchangeable (k of n).").Resolve(c => c.Source.Redundant);
        Field<NonNullGraphType<BooleanGraphType>>("allowSelfLoop").Description("Whether a CI may have it to itself.").Resolve(c => c.Source.AllowSelfLoop);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sources").Description("Classes allowed at the source (with subclasses); empty means any.").Resolve(c => c.Source.SourceClasses);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("targets").Description("Classes allowed at the target (with subclasses); empty means any.").Resolve(c => c.Source.TargetClasses);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What the relationship means.").Resolve(c => c.Source.Description);
    }
}
