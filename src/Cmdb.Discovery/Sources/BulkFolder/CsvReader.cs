using System.Text;
using Cmdb.Discovery.Contract;

namespace Cmdb.Discovery.Sources.BulkFolder;

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally in double quotes, <c>""</c> for a quote inside a quoted field,
/// line breaks (LF or CRLF) allowed inside quoted fields. A quote left open is an error, not a silent merge of rows.
/// </summary>
internal static class CsvReader
{
    /// <summary>Records with the line number each starts on; blank lines are skipped.</summary>
    public static List<(int Line, List<string> Fields)> Read(string text, string input)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteLine = 0;
        var fieldWasQuoted = false;
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    quoted = fieldWasQuoted = true;
                    quoteLine = line;
                    break;
                case '"':
                    throw new DiscoveryFormatException(input, $"line {line}: a quote inside an unquoted field; quote the whole field and double the quote (\"\").");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldWasQuoted = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (fieldWasQuoted) throw new DiscoveryFormatException(input, $"line {line}: text after the closing quote of a field.");
                    field.Append(c);
                    break;
            }
        }

        if (quoted) throw new DiscoveryFormatException(input, $"line {quoteLine}: a quoted field is never closed (unbalanced \").");
        EndRecord();
        return records;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldWasQuoted = false;
            if (fields.Count > 1 || fields[0].Length > 0) records.Add((recordLine, fields));
            fields = [];
        }
    }
}
