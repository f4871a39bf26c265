namespace Cmdb.Host;

/// <summary>The host's log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "The store is initialized.")]
    public static partial void StoreInitialized(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Seeded the empty store from {Path}: {Cis} CIs and {Relationships} relationships created.")]
    public static partial void DemoEstateSeeded(ILogger logger, string path, int cis, int relationships);

    [LoggerMessage(3, LogLevel.Information, "The store already holds {Count} CIs; the demo estate is not loaded.")]
    public static partial void SeedSkipped(ILogger logger, int count);

    [LoggerMessage(4, LogLevel.Debug, "GraphQL request refused with {StatusCode}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, int statusCode, string reason);
}
