using System.ComponentModel;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>The text formats an impact or dependency subgraph can be exported in.</summary>
public enum ExportFormat
{
    /// <summary>Graphviz DOT.</summary>
    [Description("Graphviz DOT: `digraph \"cmdb\" { ... }`, nodes coloured by state.")]
    Dot,

    /// <summary>A Mermaid flowchart.</summary>
    [Description("A Mermaid flowchart: `flowchart LR`, states as classDef classes.")]
    Mermaid,

    /// <summary>JSON: nodes and edges.</summary>
    [Description("JSON: `{\"nodes\": [{id, class, label, state, depth}], \"edges\": [{source, target, type, key}]}`.")]
    Json,
}
