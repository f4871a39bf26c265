using Cmdb.Domain.Items;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>
/// Decides who a request acts as; every write is audited under that actor. This is the seam for authentication:
/// an API-key or role-aware resolver replaces <see cref="AnonymousActorResolver"/> in DI.
/// </summary>
internal interface IRequestActorResolver
{
    ValueTask<Actor> ResolveAsync(HttpContext context, CancellationToken cancellationToken);
}
