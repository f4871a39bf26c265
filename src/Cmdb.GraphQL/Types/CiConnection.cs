using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.Types;

/// <summary>A page of CIs read at <paramref name="AsOf"/>.</summary>
public sealed record CiConnection(Page<ConfigurationItem> Page, DateTimeOffset? AsOf);
