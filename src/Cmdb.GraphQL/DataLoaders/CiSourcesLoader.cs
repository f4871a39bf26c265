using Cmdb.Domain.Discovery;
using Cmdb.Domain.Items;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>
/// Loads which discovery sources reported many CIs at once (ConfigurationItem.sources). Sightings live beside the CIs,
/// so a backend without discovery state (no <see cref="ISightingReader"/>) simply reports none.
/// </summary>
public sealed class CiSourcesLoader(IServiceProvider services) : BatchLoader<string, IReadOnlyList<SourceSighting>>
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<SourceSighting>> None =
        new Dictionary<string, IReadOnlyList<SourceSighting>>();

    protected override Task<IReadOnlyDictionary<string, IReadOnlyList<SourceSighting>>> FetchAsync(
        IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        services.GetService<ISightingReader>() is { } reader
            ? reader.GetSourcesAsync(keys, cancellationToken)
            : Task.FromResult(None);
}
