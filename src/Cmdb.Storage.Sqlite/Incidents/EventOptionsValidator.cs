using Cmdb.Domain.Events;
using Microsoft.Extensions.Options;

namespace Cmdb.Storage.Sqlite.Incidents;

/// <summary>Turns <see cref="EventOptionsRules"/> problems into a start-up error that names each bad rule.</summary>
internal sealed class EventOptionsValidator : IValidateOptions<EventOptions>
{
    public ValidateOptionsResult Validate(string? name, EventOptions options)
    {
        var problems = EventOptionsRules.Check(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
