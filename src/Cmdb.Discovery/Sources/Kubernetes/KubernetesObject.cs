using System.Text.Json;

namespace Cmdb.Discovery.Sources.Kubernetes;

/// <summary>An object of the listing whose kind becomes a CI, with the fields every kind has.</summary>
internal sealed record KubernetesObject(string Kind, string Class, string Uid, string Name, string? Namespace, JsonElement Element)
{
    public string DisplayName => Namespace is null ? Name : $"{Namespace}/{Name}";
}
