using Cmdb.Domain.Items;
using GraphQL;

namespace Cmdb.GraphQL;

/// <summary>What the host passes to the schema in <c>ExecutionOptions.UserContext</c>.</summary>
public static class CmdbUserContext
{
    /// <summary>The key under which the host stores the <see cref="Actor"/> of the request.</summary>
    public const string ActorKey = "cmdb.actor";

    /// <summary>Who writes when the host names nobody.</summary>
    public static readonly Actor Anonymous = new(ActorKind.User, "anonymous");

    /// <summary>The actor of the request: the one the host put in the user context, else <see cref="Anonymous"/>.</summary>
    public static Actor ActorOf(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(ActorKey, out var value) && value is Actor actor ? actor : Anonymous;
}
