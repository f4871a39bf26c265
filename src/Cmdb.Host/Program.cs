using Cmdb.Host.Cli;
using Cmdb.Host.Hosting;

// `import FILE` and `schema` run and exit; anything else runs the web server.
if (await CommandLine.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode) return exitCode;

var builder = WebApplication.CreateBuilder(args);
builder.AddCmdb();

var app = builder.Build();
app.MapCmdb();

await app.RunAsync();
return 0;

/// <summary>The entry point, public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
