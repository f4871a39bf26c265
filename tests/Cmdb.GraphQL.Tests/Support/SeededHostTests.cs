namespace Cmdb.GraphQL.Tests.Support;

/// <summary>A test class that gets a fresh host seeded with the small hand-built <see cref="Topology"/> per test.</summary>
public abstract class SeededHostTests : IAsyncLifetime
{
    protected GraphQLTestHost Host { get; private set; } = null!;

    protected Topology T { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await GraphQLTestHost.StartAsync();
        T = await Topology.SeedAsync(Host);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
