namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Seconds taken by start-up's parts: the nodes (calling thread), the edges (from the end of the nodes until the
/// bulk load is done, both connections reading), the second connection's digests, and the time the second connection
/// then spent reading edges. DigestsFromScan: the second connection's digests met the node scan's current versions
/// (false: they were read again by CI id, the slow path).
/// </summary>
internal readonly record struct LoadTimes(double Nodes, double Edges, double SideDigests, double SideEdges, bool DigestsFromScan);
