using System.ComponentModel.DataAnnotations;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>Limits of the GraphQL-over-HTTP endpoint (section <see cref="SectionName"/>).</summary>
internal sealed class GraphQLHttpOptions
{
    public const string SectionName = "Cmdb:Http";

    /// <summary>The largest request body accepted, in bytes; larger requests get 413.</summary>
    /// <value>Default 16 MiB, so an <c>importGraph</c> mutation can carry a real estate.</value>
    [Range(1024, 1L << 30, ErrorMessage = "Cmdb:Http:MaxRequestBodyBytes must be between 1024 and 1073741824 (1 GiB).")]
    public long MaxRequestBodyBytes { get; set; } = 16L * 1024 * 1024;
}
