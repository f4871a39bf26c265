using GraphQL;
using GraphQL.Types;

namespace Cmdb.Host.Cli;

/// <summary><c>schema</c>: prints the GraphQL schema as SDL, for review as a diff.</summary>
internal static class SchemaCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var schema = services.GetRequiredService<ISchema>();
        await output.WriteAsync(schema.Print().AsMemory(), cancellationToken);
        await output.WriteLineAsync();
        return CommandLine.Success;
    }
}
