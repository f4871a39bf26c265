using Cmdb.Domain.Changes;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL.Types.Changes;

/// <summary>Turns <see cref="ChangeRiskOptionsRules"/> failures into a start-up error.</summary>
public sealed class ChangeRiskOptionsValidator : IValidateOptions<ChangeRiskOptions>
{
    public ValidateOptionsResult Validate(string? name, ChangeRiskOptions options)
    {
        var failures = ChangeRiskOptionsRules.Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
