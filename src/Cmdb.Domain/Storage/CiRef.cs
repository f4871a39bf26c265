using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Storage;

/// <summary>Names a CI in a write: by id, or by one identifier (scheme and value).</summary>
public sealed record CiRef(string? Id, string? Scheme, string? Value)
{
    public static CiRef ById(string id) => new(id, null, null);

    public static CiRef ByIdentifier(string scheme, string value) => new(null, scheme, value);

    public override string ToString() => Id ?? $"{Scheme}={Value}";

    /// <summary>Refuses a reference that names neither an id nor a complete identifier.</summary>
    public void EnsureWellFormed(string? path = null)
    {
        if (Id is not null && Scheme is null && Value is null) return;
        if (Id is null && !string.IsNullOrWhiteSpace(Scheme) && !string.IsNullOrEmpty(Value)) return;
        throw CmdbException.Invalid("A CI reference needs either an id or one identifier (scheme and value).", path);
    }
}
