using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A business service the trouble reaches.</summary>
public sealed class ImpactedServiceType : ObjectGraphType<ImpactedServiceNode>
{
    public ImpactedServiceType()
    {
        Name = "ImpactedService";
        Description = "A business service (or a subclass) the trouble reaches.";
        // A CI read ahead with the list is returned as is: a loader result per service costs more than the read.
        Field<NonNullGraphType<ConfigurationItemType>>("ci")
            .Description("The service, read at the question's moment (its criticality is ci.criticality).")
            .Resolve(c => c.Source.Ci ?? (object)ImpactLoads.Ci(c, c.Source.Service.CiId, c.Source.AsOf, c.Source.Loaders));
        Field<NonNullGraphType<ImpactStateType>>("state").Description("How badly it is affected.").Resolve(c => c.Source.Service.State);
        Field<NonNullGraphType<IntGraphType>>("depth").Description("Hops from the nearest cause.").Resolve(c => c.Source.Service.Depth);
    }
}
