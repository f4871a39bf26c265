namespace Cmdb.Domain.Impact;

/// <summary>
/// One relationship on a path, in walking order: the walk goes from <paramref name="FromCiId"/> to <paramref name="ToCiId"/>,
/// which may be against the relationship's own direction (<paramref name="SourceCiId"/> to <paramref name="TargetCiId"/>).
/// </summary>
/// <param name="FromCiId">The CI the step leaves.</param>
/// <param name="ToCiId">The CI the step reaches.</param>
/// <param name="RelationshipType">The relationship type name.</param>
/// <param name="SourceCiId">The relationship's source as stored.</param>
/// <param name="TargetCiId">The relationship's target as stored.</param>
/// <param name="RelationshipKey">The store's key of the relationship.</param>
public sealed record PathStep(string FromCiId, string ToCiId, string RelationshipType, string SourceCiId, string TargetCiId, long RelationshipKey);
