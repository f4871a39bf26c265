using Cmdb.Domain.Items;

namespace Cmdb.Domain.Events;

/// <summary>Checks configured label rules, so a typo fails at start-up rather than on every event.</summary>
public static class EventOptionsRules
{
    /// <summary>The problems found, each naming the rule; empty when the options are usable.</summary>
    public static IReadOnlyList<string> Check(EventOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        for (var i = 0; i < options.LabelRules.Count; i++)
        {
            var rule = options.LabelRules[i];
            var at = $"{EventOptions.SectionName}:LabelRules:{i}";
            if (string.IsNullOrWhiteSpace(rule.Label)) problems.Add($"{at}:Label is empty; name the event label to read, e.g. instance.");
            if (rule.Scheme != EventLabelRule.IdScheme && !CiRules.SchemePattern().IsMatch(rule.Scheme ?? ""))
                problems.Add($"{at}:Scheme '{rule.Scheme}' is not an identifier scheme (lower-case, e.g. fqdn or k8s.uid) nor '{EventLabelRule.IdScheme}'.");
        }

        return problems;
    }
}
