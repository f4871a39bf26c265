using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Options;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>Sources whose output each test scripts; real kinds are delegated to the built-in factory.</summary>
internal sealed class FakeSourceFactory : IDiscoverySourceFactory
{
    private readonly DiscoverySourceFactory _real = new();

    public Dictionary<string, Func<CancellationToken, Task<DiscoveryBatch>>> Scripts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IDiscoverySource Create(string name, DiscoverySourceOptions options) =>
        options.Kind == "fake" ? new Scripted(Scripts[name]) : _real.Create(name, options);

    public IReadOnlyList<string> Check(string name, DiscoverySourceOptions options) => options.Kind == "fake" ? [] : _real.Check(name, options);

    private sealed class Scripted(Func<CancellationToken, Task<DiscoveryBatch>> next) : IDiscoverySource
    {
        public string Kind => "fake";

        public Task<DiscoveryBatch> DiscoverAsync(CancellationToken cancellationToken) => next(cancellationToken);
    }
}
