using Cmdb.Domain.Incidents;
using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

/// <summary>An edge of <see cref="IncidentConnectionType"/>.</summary>
public sealed class IncidentEdgeType : ObjectGraphType<PageItem<Incident>>
{
    public IncidentEdgeType()
    {
        Name = "IncidentEdge";
        Description = "An incident in a page, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue after this incident.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<IncidentType>>("node").Description("The incident.").Resolve(c => c.Source.Node);
    }
}
