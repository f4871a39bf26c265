using Cmdb.Domain.Changes;
using Cmdb.Domain.Import;
using Cmdb.GraphQL.Tests.Support;
using Cmdb.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL.Tests.Changes;

/// <summary>The demo estate with a change freeze on 2026-12-20..27; each test class gets its own store.</summary>
public sealed class ChangeEstateFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset FreezeStart = new(2026, 12, 20, 0, 0, 0, TimeSpan.Zero);

    public GraphQLTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await GraphQLTestHost.StartAsync();
        await using var file = File.OpenRead(Path.Combine(RepoPaths.Root, "seed", "demo-estate.json"));
        await Host.ApplyAsync([.. ImportDocumentReader.Read(file).Operations]);
        Host.Time.Advance(TimeSpan.FromHours(1));
        // The options object is the assessor's own; adding the freeze before first use stands in for configuration.
        Host.Services.GetRequiredService<IOptions<ChangeRiskOptions>>().Value.FreezeWindows.Add(
            new FreezeWindow { Name = "year-end peak", Start = FreezeStart, End = FreezeStart.AddDays(7) });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
