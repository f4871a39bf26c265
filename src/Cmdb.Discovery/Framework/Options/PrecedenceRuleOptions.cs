namespace Cmdb.Discovery.Framework.Options;

/// <summary>
/// One precedence rule: for CIs of <see cref="Class"/> (and its subclasses; null: any) and fields matching
/// <see cref="Field"/>, the <see cref="Sources"/> in order of authority, most trusted first.
/// </summary>
/// <remarks>
/// The pseudo-source <c>manual</c> stands for every person or API key: a source listed before it may overwrite
/// values people set; when <c>manual</c> is not listed, people's values win over every source. Sources the rule does
/// not list rank below all listed ones. Without a matching rule, whoever set a value keeps it: a source never
/// overwrites another source's or a person's value, so two sources never make a field flap.
/// </remarks>
public sealed class PrecedenceRuleOptions
{
    public const string Manual = "manual";

    /// <summary>A model class name, or null for every class.</summary>
    public string? Class { get; set; }

    /// <summary><c>owner</c>, <c>attributes.os</c>, <c>attributes.*</c> or <c>*</c>.</summary>
    public string Field { get; set; } = "*";

    /// <summary>Source names (and optionally <c>manual</c>), most authoritative first.</summary>
    public List<string> Sources { get; set; } = [];
}
