namespace Cmdb.Host.Hosting;

/// <summary>Set once the store is initialized and seeded; /health reports it.</summary>
internal sealed class StoreReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
