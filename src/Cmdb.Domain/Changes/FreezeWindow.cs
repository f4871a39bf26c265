namespace Cmdb.Domain.Changes;

/// <summary>A period in which changes should not be made (peak trading, year end). End is exclusive.</summary>
public sealed class FreezeWindow
{
    public string Name { get; set; } = "";

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }
}
