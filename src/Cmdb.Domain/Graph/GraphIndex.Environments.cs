namespace Cmdb.Domain.Graph;

public sealed partial class GraphIndex
{
    /// <summary>The environment name behind a dense index from <see cref="NodeState.EnvironmentIndex"/>; null for 0 (none) or an unknown index.</summary>
    /// <remarks>Environments are few, so a scan under the writer lock is cheaper than keeping a second map in step.</remarks>
    public string? EnvironmentName(int index)
    {
        if (index <= 0) return null;
        lock (_writer)
        {
            foreach (var (name, i) in _environments)
            {
                if (i == index) return name;
            }
        }

        return null;
    }
}
