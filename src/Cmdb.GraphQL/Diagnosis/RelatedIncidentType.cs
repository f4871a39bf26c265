using Cmdb.GraphQL.Incidents;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Diagnosis;

public sealed class RelatedIncidentType : ObjectGraphType<RelatedIncident>
{
    public RelatedIncidentType()
    {
        Name = "RelatedIncident";
        Description = "Another open incident whose likely causes overlap this diagnosis's.";
        Field<NonNullGraphType<IncidentType>>("incident").Resolve(c => c.Source.Incident);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("sharedCauseCiIds").Description("CIs among the top causes of both.")
            .Resolve(c => c.Source.SharedCauseCiIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConfigurationItemType>>>>("sharedCauses").Description("Those CIs.")
            .ResolveAsync(async c =>
            {
                var loaded = new List<CiNode>();
                foreach (var id in c.Source.SharedCauseCiIds)
                {
                    if (await DiagnosisCis.Load(c, id, null).GetResultAsync(c.CancellationToken) is { } ci) loaded.Add(ci);
                }

                return loaded;
            });
    }
}
