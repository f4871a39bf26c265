namespace Cmdb.Discovery.Contract;

/// <summary>
/// A discovery source: gets raw data and transforms it into discovered items and relationships. It knows nothing of
/// storage; loading, reconciliation and staleness belong to the runner.
/// </summary>
/// <remarks>
/// A source reports every scope it was asked to cover, completed or not. A scope whose input cannot be read or is
/// malformed is returned as <see cref="ScopeResult.Failed"/> (no partial data); other scopes still complete.
/// Cancellation is not a failure: <see cref="OperationCanceledException"/> propagates.
/// </remarks>
public interface IDiscoverySource
{
    /// <summary>Stable kind of the source (e.g. <c>terraform</c>), used to key runs and provenance.</summary>
    string Kind { get; }

    Task<DiscoveryBatch> DiscoverAsync(CancellationToken cancellationToken);
}
