using Cmdb.Domain.Impact;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL;

/// <summary>
/// Refuses impact limits that would make every request fail or let one request walk without bound. The domain
/// record carries no annotations, so the rules live here, next to the binding.
/// </summary>
public sealed class ImpactOptionsValidator : IValidateOptions<ImpactOptions>
{
    /// <summary>The largest depth cap accepted: beyond it a single request could walk the whole estate many times over.</summary>
    public const int HighestDepthCap = 1_000;

    /// <summary>The largest path count accepted (each path is one more shortest-path search).</summary>
    public const int HighestPathCount = 100;

    public ValidateOptionsResult Validate(string? name, ImpactOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxDepthCap < 1 || options.MaxDepthCap > HighestDepthCap)
            failures.Add($"Cmdb:Impact:MaxDepthCap must be between 1 and {HighestDepthCap}; got {options.MaxDepthCap}.");
        if (options.DefaultMaxDepth < 0 || options.DefaultMaxDepth > options.MaxDepthCap)
            failures.Add($"Cmdb:Impact:DefaultMaxDepth must be between 0 and MaxDepthCap ({options.MaxDepthCap}); got {options.DefaultMaxDepth}.");
        if (options.MaxPathCount < 1 || options.MaxPathCount > HighestPathCount)
            failures.Add($"Cmdb:Impact:MaxPathCount must be between 1 and {HighestPathCount}; got {options.MaxPathCount}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
