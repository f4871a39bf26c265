using Cmdb.Domain.Events;
using Cmdb.GraphQL.DataLoaders;

namespace Cmdb.GraphQL.Incidents;

/// <summary>Loads the events of many CIs at once (ConfigurationItem.events), one store call per firing flag.</summary>
public sealed class CiEventsLoader(IEventStore events) : BatchLoader<(string CiId, bool FiringOnly), IReadOnlyList<MonitoringEvent>>
{
    protected override async Task<IReadOnlyDictionary<(string CiId, bool FiringOnly), IReadOnlyList<MonitoringEvent>>> FetchAsync(
        IReadOnlyList<(string CiId, bool FiringOnly)> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, bool), IReadOnlyList<MonitoringEvent>>();
        foreach (var group in keys.GroupBy(k => k.FiringOnly))
        {
            var found = await events.GetForCisAsync([.. group.Select(k => k.CiId)], null, null, group.Key, cancellationToken);
            foreach (var (ci, list) in found) result[(ci, group.Key)] = list;
        }

        return result;
    }
}
