namespace Cmdb.GraphQL.Types;

/// <summary>A CI in a connection, with its cursor.</summary>
public sealed record CiEdge(string Cursor, CiNode Node);
