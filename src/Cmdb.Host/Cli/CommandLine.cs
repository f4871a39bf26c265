using Cmdb.Host.Hosting;

namespace Cmdb.Host.Cli;

/// <summary>
/// The commands that run instead of the web server: <c>import FILE</c> and <c>schema</c>. Arguments after the
/// command are configuration (<c>--Cmdb:Storage:Sqlite:DatabasePath=...</c>), as for the server.
/// </summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>Runs the command <paramref name="args"/> name, or returns null when they name none (run the server).</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0) return null;
        switch (args[0])
        {
            case "import":
                if (args.Length < 2 || args[1].StartsWith('-'))
                {
                    await error.WriteLineAsync("usage: Cmdb.Host import FILE [--Cmdb:Storage:Sqlite:DatabasePath=PATH ...]");
                    return UsageError;
                }

                using (var host = BuildHost(args[2..])) return await ImportCommand.RunAsync(host.Services, args[1], output, error, cancellationToken);
            case "schema":
                using (var host = BuildHost(args[1..])) return await SchemaCommand.RunAsync(host.Services, output, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>
    /// The same configuration sources and core services as the server, without starting it: no seeding, no
    /// listening, and no log output mixed into what the command prints.
    /// </summary>
    private static IHost BuildHost(string[] configurationArgs)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configurationArgs });
        builder.Logging.ClearProviders();
        builder.AddCmdbCore();
        return builder.Build();
    }
}
