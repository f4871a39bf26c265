using Cmdb.Domain.History;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>The difference of a CI between two moments.</summary>
public sealed class CiDiffType : ObjectGraphType<CiDiff>
{
    public CiDiffType()
    {
        Name = "CiDiff";
        Description = "How a CI and its relationships differ between two moments.";
        Field<NonNullGraphType<IdGraphType>>("ciId").Description("The CI.").Resolve(c => c.Source.CiId);
        Field<NonNullGraphType<DateTimeType>>("from").Description("The earlier moment.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<DateTimeType>>("to").Description("The later moment.").Resolve(c => c.Source.To);
        Field<ConfigurationItemType>("before").Description("The CI at `from`; null when it did not exist yet.")
            .Resolve(c => c.Source.Before is null ? null : new CiNode(c.Source.Before, c.Source.From));
        Field<ConfigurationItemType>("after").Description("The CI at `to`.")
            .Resolve(c => c.Source.After is null ? null : new CiNode(c.Source.After, c.Source.To));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldChangeType>>>>("fieldChanges")
            .Description("Changed fields, before (at `from`) and after (at `to`).").Resolve(c => c.Source.FieldChanges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipGraphType>>>>("relationshipsAdded")
            .Description("Relationships that exist at `to` but not at `from`.")
            .Resolve(c => c.Source.RelationshipsAdded.Select(r => new RelationshipNode(r, c.Source.To)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipGraphType>>>>("relationshipsRemoved")
            .Description("Relationships that exist at `from` but not at `to`.")
            .Resolve(c => c.Source.RelationshipsRemoved.Select(r => new RelationshipNode(r, c.Source.From)));
    }
}
