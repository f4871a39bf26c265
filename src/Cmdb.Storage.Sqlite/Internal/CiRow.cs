using Cmdb.Domain.History;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>What of a CI the <c>ci</c> table's row holds beside its key and class: the fields list queries filter on.</summary>
internal static class CiRow
{
    /// <summary>Whether an update with these changes changes the row (any change of name, status, environment, criticality, owner or support group).</summary>
    public static bool Changes(IReadOnlyList<FieldChange> changes)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Field is "name" or "status" or "environment" or "criticality" or "owner" or "supportGroup") return true;
        }

        return false;
    }
}
