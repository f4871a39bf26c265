using Cmdb.Domain.Items;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The text of a CI's <c>ci_fts</c> row (name, identifiers, tags, people, class, attribute values) written into a tape
/// row; a new CI's row (<c>WriteSession.Create</c>) is laid out the same way from the write's fields.
/// </summary>
internal static class SearchRow
{
    /// <summary>Writes the values of an <c>InsertFts</c> row for <paramref name="ci"/>; the caller ends the row.</summary>
    public static void Write(StepTape row, long rid, ConfigurationItem ci)
    {
        row.Int(rid).Text(ci.Name);
        row.StartText();
        var first = true;
        // As an array when it is the usual sorted map: no enumerator per CI.
        if (ci.Identifiers is SortedIdentifiers sorted)
        {
            foreach (var (_, value) in sorted.Pairs) Word(row, value, ref first);
        }
        else
        {
            foreach (var value in ci.Identifiers.Values) Word(row, value, ref first);
        }

        row.EndText();
        Columns(row, ci.Tags as string[] ?? [.. ci.Tags], ci.Owner, ci.SupportGroup, ci.Class);
        row.StartText();
        SearchText.AppendAttributeValues(row, ci.Attributes); // straight into the row: no string per rewritten CI
        row.EndText();
    }

    /// <summary>Appends <paramref name="value"/>, after a space unless it is the first word.</summary>
    private static void Word(StepTape row, string value, ref bool first)
    {
        if (!first) row.AppendByte((byte)' ');
        row.AppendText(value);
        first = false;
    }

    /// <summary>
    /// The tags (joined by spaces), people ("owner support-group", an absent one empty) and class columns of a search row.
    /// </summary>
    public static void Columns(StepTape row, ReadOnlySpan<string> tags, string? owner, string? supportGroup, string ciClass)
    {
        row.StartText();
        for (var i = 0; i < tags.Length; i++)
        {
            if (i > 0) row.AppendByte((byte)' ');
            row.AppendText(tags[i]);
        }

        row.EndText();
        row.StartText();
        if (owner is not null) row.AppendText(owner);
        row.AppendByte((byte)' ');
        if (supportGroup is not null) row.AppendText(supportGroup);
        row.EndText();
        row.Text(ciClass);
    }
}
