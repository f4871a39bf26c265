using Cmdb.Domain.Items;
using Cmdb.GraphQL;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>Every request acts as the anonymous user, until API keys and roles exist.</summary>
internal sealed class AnonymousActorResolver : IRequestActorResolver
{
    public ValueTask<Actor> ResolveAsync(HttpContext context, CancellationToken cancellationToken) => ValueTask.FromResult(CmdbUserContext.Anonymous);
}
