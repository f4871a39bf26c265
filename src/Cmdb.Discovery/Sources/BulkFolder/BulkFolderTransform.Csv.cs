using System.Globalization;
using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;

namespace Cmdb.Discovery.Sources.BulkFolder;

public static partial class BulkFolderTransform
{
    public const string IdentifierPrefix = "identifier.";
    public const string AttributePrefix = "attr.";

    /// <summary>The fixed columns, in their documented spelling (matched case-insensitively).</summary>
    public static readonly IReadOnlyList<string> FixedColumns =
        ["class", "name", "status", "environment", "criticality", "owner", "supportGroup", "tags", "minHealthy"];

    private static ScopeResult TransformCsv(BulkFile raw)
    {
        var records = CsvReader.Read(raw.Text, raw.Input);
        if (records.Count == 0) throw new DiscoveryFormatException(raw.Input, "the file is empty; the first line must be the header.");
        var header = ReadHeader(records[0].Fields, raw.Input);
        var items = new List<DiscoveredItem>();
        var claimed = new Dictionary<(string, string), int>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != header.Count)
                throw new DiscoveryFormatException(raw.Input, $"line {line} has {fields.Count} fields; the header has {header.Count}.");
            var item = ReadRow(header, fields, line, raw.Input);
            foreach (var (scheme, value) in item.Identifiers)
            {
                if (!claimed.TryAdd((scheme, value), line))
                    throw new DiscoveryFormatException(raw.Input, $"lines {claimed[(scheme, value)]} and {line} both carry the identifier {scheme}={value}; identifiers must be unique.");
            }

            items.Add(item);
        }

        return ScopeResult.Completed(raw.Scope, items, []);
    }

    private static List<string> ReadHeader(List<string> columns, string input)
    {
        var header = new List<string>();
        foreach (var column in columns.Select(c => c.Trim()))
        {
            var known = FixedColumns.FirstOrDefault(f => f.Equals(column, StringComparison.OrdinalIgnoreCase));
            string name;
            if (known is not null) name = known;
            else if (column.StartsWith(IdentifierPrefix, StringComparison.Ordinal) && CiRules.SchemePattern().IsMatch(column[IdentifierPrefix.Length..])) name = column;
            else if (column.StartsWith(AttributePrefix, StringComparison.Ordinal) && column.Length > AttributePrefix.Length) name = column;
            else
            {
                throw new DiscoveryFormatException(input,
                    $"unknown column '{column}' in the header; allowed: {string.Join(", ", FixedColumns)}, identifier.<scheme> (lower case), attr.<name>.");
            }

            if (header.Contains(name, StringComparer.Ordinal)) throw new DiscoveryFormatException(input, $"the column '{name}' appears twice in the header.");
            header.Add(name);
        }

        if (!header.Contains("class") || !header.Contains("name") || !header.Any(h => h.StartsWith(IdentifierPrefix, StringComparison.Ordinal)))
            throw new DiscoveryFormatException(input, "the header needs the columns class, name and at least one identifier.<scheme>.");
        return header;
    }

    private static DiscoveredItem ReadRow(List<string> header, List<string> fields, int line, string input)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(fields[i])) cells[header[i]] = fields[i].Trim();
        }

        var identifiers = cells.Where(c => c.Key.StartsWith(IdentifierPrefix, StringComparison.Ordinal))
            .ToDictionary(c => c.Key[IdentifierPrefix.Length..], c => c.Value, StringComparer.Ordinal);
        var ciClass = cells.GetValueOrDefault("class") ?? throw new DiscoveryFormatException(input, $"line {line} has no class.");
        var name = cells.GetValueOrDefault("name") ?? throw new DiscoveryFormatException(input, $"line {line} has no name.");
        if (identifiers.Count == 0)
            throw new DiscoveryFormatException(input, $"line {line} ({ciClass} '{name}') has no identifier value; every row needs one so that reading it again updates the same CI.");
        JsonObject? attributes = null;
        foreach (var (key, value) in cells.Where(c => c.Key.StartsWith(AttributePrefix, StringComparison.Ordinal)))
            (attributes ??= [])[key[AttributePrefix.Length..]] = value;

        var item = new DiscoveredItem(ciClass, name, identifiers, attributes)
        {
            Status = cells.GetValueOrDefault("status") is { } s
                ? Enum.TryParse<CiStatus>(s, ignoreCase: true, out var st) && Enum.IsDefined(st) && !int.TryParse(s, CultureInfo.InvariantCulture, out _) ? st
                    : throw new DiscoveryFormatException(input, $"line {line}: status '{s}' is not one of planned, active, maintenance, retired.")
                : null,
            Environment = cells.GetValueOrDefault("environment"),
            Criticality = Int(cells, "criticality", line, input),
            Owner = cells.GetValueOrDefault("owner"),
            SupportGroup = cells.GetValueOrDefault("supportGroup"),
            Tags = cells.GetValueOrDefault("tags")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            MinHealthy = Int(cells, "minHealthy", line, input),
        };
        try
        {
            CiRules.Validate(item.ToFields(), $"line {line}");
        }
        catch (CmdbException e)
        {
            throw new DiscoveryFormatException(input, $"{e.Path}: {e.Message}", e);
        }

        return item;
    }

    private static int? Int(Dictionary<string, string> cells, string column, int line, string input) =>
        cells.GetValueOrDefault(column) is not { } text ? null
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v
        : throw new DiscoveryFormatException(input, $"line {line}: {column} must be a whole number, not '{text}'.");
}
