using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework.Options;

namespace Cmdb.Discovery.Framework;

/// <summary>Builds a source from its configuration; tests substitute their own.</summary>
public interface IDiscoverySourceFactory
{
    /// <summary>The source configured as <paramref name="name"/>.</summary>
    IDiscoverySource Create(string name, DiscoverySourceOptions options);

    /// <summary>What is wrong with the source's kind and settings, one message per problem; empty when nothing is.</summary>
    IReadOnlyList<string> Check(string name, DiscoverySourceOptions options);
}
