namespace Cmdb.Discovery.Sources.Compose;

/// <summary>What a mount's source is.</summary>
internal enum MountKind
{
    Volume,
    Bind,
}
