using System.Globalization;
using Cmdb.Domain.Model;
using Microsoft.Extensions.Options;

namespace Cmdb.Discovery.Framework.Options;

/// <summary>Reports every invalid discovery setting at once, at start-up, in words a person can act on.</summary>
public sealed class DiscoveryOptionsValidator(IDiscoverySourceFactory factory, ModelCatalog? model = null) : IValidateOptions<DiscoveryOptions>
{
    private const string At = DiscoveryOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DiscoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (sourceName, source) in options.Sources) CheckSource(sourceName, source, failures);
        if (options.StaleAfterMissedRuns is < 1 or > 1000)
            failures.Add($"{At}:StaleAfterMissedRuns must be between 1 and 1000, not {options.StaleAfterMissedRuns}.");
        if (options.RetireAfter is { } age && age <= TimeSpan.Zero)
            failures.Add($"{At}:RetireAfter must be a positive duration (e.g. 30.00:00:00 for 30 days), not {age}.");
        if (options.HoldMinimum < 0)
            failures.Add($"{At}:HoldMinimum must be 0 or more, not {options.HoldMinimum}.");
        if (options.HoldPercent is < 0 or > 100 || double.IsNaN(options.HoldPercent))
            failures.Add($"{At}:HoldPercent must be between 0 and 100, not {options.HoldPercent.ToString(CultureInfo.InvariantCulture)}.");
        if (options.BatchSize is < 1 or > 100_000)
            failures.Add($"{At}:BatchSize must be between 1 and 100000, not {options.BatchSize}.");
        for (var i = 0; i < options.Precedence.Count; i++) CheckRule(i, options.Precedence[i], options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckSource(string sourceName, DiscoverySourceOptions source, List<string> failures)
    {
        var at = $"{At}:Sources:{sourceName}";
        if (string.IsNullOrWhiteSpace(sourceName) || sourceName.Length > 64 || !sourceName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            failures.Add($"{at}: a source name must be 1 to 64 letters, digits, '-', '_' or '.'.");
        if (string.Equals(sourceName, PrecedenceRuleOptions.Manual, StringComparison.OrdinalIgnoreCase))
            failures.Add($"{at}: '{PrecedenceRuleOptions.Manual}' is reserved for values people set; choose another name.");
        failures.AddRange(factory.Check(sourceName, source));
        var hasCron = !string.IsNullOrWhiteSpace(source.Schedule);
        var hasInterval = source.Interval is not null;
        if (hasCron && hasInterval)
            failures.Add($"{at} has both Schedule and Interval; keep one.");
        else if (!hasCron && !hasInterval && source.Enabled)
            failures.Add($"{at} needs a Schedule (cron, e.g. '0 0/15 * * * ?') or an Interval (e.g. '00:15:00'), or Enabled=false.");
        if (hasCron && CronSchedule.Parse(source.Schedule!) is null)
            failures.Add($"{at}:Schedule '{source.Schedule}' is not a valid cron expression: use five crontab fields (minute hour day-of-month month day-of-week, e.g. '*/15 * * * *') or Quartz's six (seconds first, e.g. '0 0/15 * * * ?').");
        if (source.Interval is { } interval && interval < TimeSpan.FromSeconds(10))
            failures.Add($"{at}:Interval must be at least 10 seconds, not {interval}.");
        if (source.Timeout <= TimeSpan.Zero || source.Timeout > TimeSpan.FromHours(24))
            failures.Add($"{at}:Timeout must be more than 0 and at most 24 hours, not {source.Timeout}.");
        if (source.Retries is < 0 or > 10)
            failures.Add($"{at}:Retries must be between 0 and 10, not {source.Retries}.");
    }

    private void CheckRule(int index, PrecedenceRuleOptions rule, DiscoveryOptions options, List<string> failures)
    {
        var at = $"{At}:Precedence:{index}";
        if (string.IsNullOrWhiteSpace(rule.Field) || (rule.Field.Contains('*', StringComparison.Ordinal) && !rule.Field.EndsWith('*')))
            failures.Add($"{at}:Field must be a field name ('owner', 'attributes.os'), a prefix ending in '*' ('attributes.*') or '*', not '{rule.Field}'.");
        if (rule.Class is { } className && model is not null && !model.TryGetClass(className, out _))
            failures.Add($"{at}:Class '{className}' is not a class of the model.");
        if (rule.Sources.Count == 0)
            failures.Add($"{at}:Sources must list at least one source name, most authoritative first.");
        foreach (var source in rule.Sources)
        {
            if (!options.Sources.ContainsKey(source) && !string.Equals(source, PrecedenceRuleOptions.Manual, StringComparison.OrdinalIgnoreCase))
                failures.Add($"{at}:Sources names '{source}', which is neither a configured source nor '{PrecedenceRuleOptions.Manual}'.");
        }

        if (rule.Sources.Count != rule.Sources.Distinct(StringComparer.OrdinalIgnoreCase).Count())
            failures.Add($"{at}:Sources lists a source twice.");
    }
}
