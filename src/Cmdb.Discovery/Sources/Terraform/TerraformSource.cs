using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;

namespace Cmdb.Discovery.Sources.Terraform;

/// <summary>Reads Terraform state files (format version 4) into CIs and DEPENDS_ON relationships.</summary>
public sealed class TerraformSource(TerraformOptions options) : IDiscoverySource
{
    public string Kind => "terraform";

    public async Task<DiscoveryBatch> DiscoverAsync(CancellationToken cancellationToken)
    {
        var scopes = new List<ScopeResult>();
        foreach (var state in options.States)
        {
            var scope = state.Name ?? state.Path;
            scopes.Add(await ScopeRunner.RunAsync(
                scope, ct => GetAsync(state, ct), raw => TerraformTransform.Transform(raw, options), cancellationToken));
        }

        return new DiscoveryBatch(scopes);
    }

    /// <summary>Reads the file as it is; throws when it cannot.</summary>
    public static async Task<TerraformRaw> GetAsync(TerraformStateFile state, CancellationToken cancellationToken) =>
        new(state.Name ?? state.Path, state.Path, state.Name, await File.ReadAllTextAsync(state.Path, cancellationToken));
}
