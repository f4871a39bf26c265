using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Contract;

/// <summary>Names a discovered item by one of its identifiers (scheme and value).</summary>
public sealed record DiscoveredRef(string Scheme, string Value)
{
    public CiRef ToCiRef() => CiRef.ByIdentifier(Scheme, Value);

    public override string ToString() => $"{Scheme}={Value}";
}
