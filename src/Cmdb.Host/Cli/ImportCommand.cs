using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Host.Seeding;
using Microsoft.Extensions.Options;

namespace Cmdb.Host.Cli;

/// <summary><c>import FILE</c>: applies a bulk JSON document to the configured store in one transaction.</summary>
internal static class ImportCommand
{
    /// <summary>The actor command-line imports are audited under.</summary>
    public static readonly Actor ImportActor = new(ActorKind.System, "import");

    public static async Task<int> RunAsync(IServiceProvider services, string file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            // Read and check the document before opening the store: a bad file must leave no trace.
            var batch = BulkImport.ReadFile(file);
            var store = services.GetRequiredService<ICmdbStore>();
            await store.InitializeAsync(cancellationToken);
            var summary = await BulkImport.ApplyAsync(store, batch, ImportActor, cancellationToken);
            await output.WriteLineAsync($"Imported {file}: {summary}.");
            return CommandLine.Success;
        }
        catch (CmdbException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            await error.WriteLineAsync($"error: {file}{where}: {e.Message} [{e.Code}] Nothing was imported.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OptionsValidationException)
        {
            await error.WriteLineAsync($"error: {e.Message} Nothing was imported.");
        }

        return CommandLine.Failure;
    }
}
