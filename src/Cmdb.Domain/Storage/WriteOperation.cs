using System.Text.Json.Nodes;
using Cmdb.Domain.Items;

namespace Cmdb.Domain.Storage;

/// <summary>One step of a <see cref="WriteBatch"/>. Steps run in order inside one transaction.</summary>
public abstract record WriteOperation
{
    /// <summary>Where the step came from in the caller's input (e.g. <c>cis[3]</c>), used in error messages.</summary>
    public string? Path { get; init; }
}

/// <summary>
/// Creates or updates a CI. With <paramref name="Id"/> it updates that CI; otherwise it matches an existing CI by the
/// class's identification rule over <see cref="CiFields.Identifiers"/>, and creates one when nothing matches.
/// A match on two different CIs is a conflict.
/// </summary>
public sealed record UpsertCi(string? Id, string Class, CiFields Fields) : WriteOperation;

/// <summary>Changes a CI if it is still at <paramref name="ExpectedVersion"/>; otherwise a conflict.</summary>
public sealed record UpdateCi(string Id, long ExpectedVersion, CiFields Fields) : WriteOperation;

/// <summary>Sets a CI's status to retired. Its relationships are kept; retirement is never deletion.</summary>
public sealed record RetireCi(string Id, long? ExpectedVersion) : WriteOperation;

/// <summary>Creates a relationship, or leaves it as it is when the same type already links the same two CIs.</summary>
public sealed record UpsertRelationship(string Type, CiRef Source, CiRef Target, JsonObject? Attributes) : WriteOperation;

/// <summary>Ends a relationship's validity. It stays readable as of earlier moments.</summary>
public sealed record RemoveRelationship(string Id) : WriteOperation;

/// <summary>An ordered list of writes applied atomically: all of them, or (on any error) none.</summary>
public sealed record WriteBatch(IReadOnlyList<WriteOperation> Operations)
{
    public static WriteBatch Of(params WriteOperation[] operations) => new(operations);
}
