namespace Cmdb.Discovery.Framework.Options;

/// <summary>The built-in source kinds, as written in configuration.</summary>
public static class SourceKinds
{
    public const string LocalHost = "local-host";
    public const string Terraform = "terraform";
    public const string Kubernetes = "kubernetes";
    public const string Compose = "compose";
    public const string BulkFolder = "bulk-folder";

    public static IReadOnlyList<string> All { get; } = [LocalHost, Terraform, Kubernetes, Compose, BulkFolder];
}
