using Cmdb.Domain.Items;

namespace Cmdb.Domain.Discovery;

/// <summary>
/// Which discovery sources reported each CI and when: the data behind <see cref="ConfigurationItem.Sources"/>.
/// Sightings live beside the CIs rather than in them, so a run that sees an unchanged CI writes no new CI version.
/// </summary>
public interface ISightingReader
{
    /// <summary>For each CI that any source reported, one sighting per source (scopes combined), by source name.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<SourceSighting>>> GetSourcesAsync(
        IReadOnlyCollection<string> ciIds, CancellationToken cancellationToken);
}
