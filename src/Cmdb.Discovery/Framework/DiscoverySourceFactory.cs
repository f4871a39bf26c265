using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Discovery.Sources.BulkFolder;
using Cmdb.Discovery.Sources.Compose;
using Cmdb.Discovery.Sources.Kubernetes;
using Cmdb.Discovery.Sources.LocalHost;
using Cmdb.Discovery.Sources.Terraform;
using Microsoft.Extensions.Configuration;

namespace Cmdb.Discovery.Framework;

/// <summary>Builds the built-in sources: the kind picks the class, <c>Settings</c> binds to its options.</summary>
public sealed class DiscoverySourceFactory : IDiscoverySourceFactory
{
    // Settings that would hold a secret in the configuration file itself; they must name an env var or file instead.
    private static readonly string[] SecretWords = ["password", "secret", "token", "apikey", "api-key", "credential"];

    public IDiscoverySource Create(string name, DiscoverySourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind.Trim().ToLowerInvariant() switch
        {
            SourceKinds.LocalHost => new LocalHostSource(Bind<LocalHostOptions>(options.Settings)),
            SourceKinds.Terraform => new TerraformSource(Bind<TerraformOptions>(options.Settings)),
            SourceKinds.Kubernetes => new KubernetesSource(Bind<KubernetesOptions>(options.Settings)),
            SourceKinds.Compose => new ComposeSource(Bind<ComposeOptions>(options.Settings)),
            SourceKinds.BulkFolder => new BulkFolderSource(Bind<BulkFolderOptions>(options.Settings)),
            _ => throw new InvalidOperationException($"Discovery source '{name}' has the unknown kind '{options.Kind}'."),
        };
    }

    public IReadOnlyList<string> Check(string name, DiscoverySourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var at = $"{DiscoveryOptions.SectionName}:Sources:{name}";
        var kind = options.Kind.Trim().ToLowerInvariant();
        if (!SourceKinds.All.Contains(kind))
        {
            return [string.IsNullOrWhiteSpace(options.Kind)
                ? $"{at}:Kind is missing; use one of {string.Join(", ", SourceKinds.All)}."
                : $"{at}:Kind '{options.Kind}' is not a built-in source; use one of {string.Join(", ", SourceKinds.All)}."];
        }

        var problems = new List<string>();
        foreach (var setting in options.Settings?.AsEnumerable(makePathsRelative: true) ?? [])
        {
            var key = setting.Key.ToLowerInvariant();
            if (setting.Value is not null && SecretWords.Any(key.Contains) && !key.EndsWith("env", StringComparison.Ordinal) && !key.EndsWith("file", StringComparison.Ordinal))
                problems.Add($"{at}:Settings:{setting.Key} looks like a secret written into the configuration; put it in an environment variable or a file and name that instead.");
        }

        try
        {
            switch (kind)
            {
                case SourceKinds.Terraform:
                    var terraform = Bind<TerraformOptions>(options.Settings);
                    if (terraform.States.Count == 0 || terraform.States.Any(s => string.IsNullOrWhiteSpace(s.Path)))
                        problems.Add($"{at}:Settings:States must list at least one state file, each with a Path.");
                    break;
                case SourceKinds.Kubernetes:
                    var kubernetes = Bind<KubernetesOptions>(options.Settings);
                    if (kubernetes.Clusters.Count == 0 || kubernetes.Clusters.Any(c => string.IsNullOrWhiteSpace(c.Name) || string.IsNullOrWhiteSpace(c.Path)))
                        problems.Add($"{at}:Settings:Clusters must list at least one cluster, each with a Name and a Path.");
                    break;
                case SourceKinds.Compose:
                    var compose = Bind<ComposeOptions>(options.Settings);
                    if (compose.Files.Count == 0 || compose.Files.Any(f => string.IsNullOrWhiteSpace(f.Path)))
                        problems.Add($"{at}:Settings:Files must list at least one compose file, each with a Path.");
                    break;
                case SourceKinds.BulkFolder:
                    if (string.IsNullOrWhiteSpace(Bind<BulkFolderOptions>(options.Settings).FolderPath))
                        problems.Add($"{at}:Settings:FolderPath must name the folder to read.");
                    break;
                default:
                    if (string.IsNullOrWhiteSpace(Bind<LocalHostOptions>(options.Settings).RootPath))
                        problems.Add($"{at}:Settings:RootPath must not be empty (use / for this host).");
                    break;
            }
        }
        catch (InvalidOperationException e)
        {
            problems.Add($"{at}:Settings cannot be read: {e.Message}");
        }

        return problems;
    }

    private static T Bind<T>(IConfiguration? settings)
        where T : new()
    {
        var options = new T();
        settings?.Bind(options);
        return options;
    }
}
