using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>The export formats of an impact or dependency result.</summary>
public sealed class ExportFormatType : EnumerationGraphType<ExportFormat>
{
    public ExportFormatType()
    {
        Name = "ExportFormat";
        Description = "The text format of an exported subgraph, labelled with CI names.";
    }
}
