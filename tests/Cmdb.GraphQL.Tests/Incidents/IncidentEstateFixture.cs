using Cmdb.Domain.Import;
using Cmdb.GraphQL.Tests.Support;
using Cmdb.Testing;

namespace Cmdb.GraphQL.Tests.Incidents;

/// <summary>The demo estate behind the schema; each test class gets its own store.</summary>
public sealed class IncidentEstateFixture : IAsyncLifetime
{
    public GraphQLTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await GraphQLTestHost.StartAsync();
        await using var file = File.OpenRead(Path.Combine(RepoPaths.Root, "seed", "demo-estate.json"));
        await Host.ApplyAsync([.. ImportDocumentReader.Read(file).Operations]);
        Host.Time.Advance(TimeSpan.FromHours(1));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
