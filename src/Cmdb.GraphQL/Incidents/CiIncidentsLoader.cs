using Cmdb.Domain.Incidents;
using Cmdb.GraphQL.DataLoaders;

namespace Cmdb.GraphQL.Incidents;

/// <summary>Loads the incidents of many CIs at once (ConfigurationItem.incidents).</summary>
public sealed class CiIncidentsLoader(IIncidentStore incidents) : BatchLoader<string, IReadOnlyList<Incident>>
{
    protected override Task<IReadOnlyDictionary<string, IReadOnlyList<Incident>>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        incidents.GetForCisAsync(keys, cancellationToken);
}
