namespace Cmdb.Discovery.Sources.Compose;

/// <summary>A service's mount: a named volume or a bind mount of a host path.</summary>
internal sealed record ComposeMount(MountKind Kind, string Source, string Target, bool ReadOnly);
