namespace Cmdb.GraphQL.Mutations;

/// <summary>What an import did, counted by outcome.</summary>
public sealed record ImportResult(
    int Created, int Updated, int Unchanged, int RelationshipsCreated, int RelationshipsUnchanged, DateTimeOffset CommittedAt);
