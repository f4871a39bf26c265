namespace Cmdb.Domain.Items;

/// <summary>Who performs a write. Every write is audited under its actor.</summary>
public enum ActorKind
{
    User,
    ApiKey,
    Discovery,
    System,
}

/// <summary>The author of a write, recorded in audit history and attribute provenance.</summary>
/// <param name="Kind">What kind of actor.</param>
/// <param name="Name">User name, key name, or discovery source name.</param>
/// <param name="RunId">For discovery, the run that wrote.</param>
public sealed record Actor(ActorKind Kind, string Name, string? RunId = null)
{
    public static readonly Actor System = new(ActorKind.System, "system");

    /// <summary>A compact form such as <c>discovery:terraform</c> or <c>user:alice</c>.</summary>
    /// <remarks>The kind's text without formatting the enum (a batch of writes describes its actor once; other callers per call).</remarks>
    public string Describe() => string.Concat(KindText(Kind), ":", Name);

    private static string KindText(ActorKind kind) => kind switch
    {
        ActorKind.User => "user",
        ActorKind.ApiKey => "apikey",
        ActorKind.Discovery => "discovery",
        ActorKind.System => "system",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
