using Cmdb.Domain.Incidents;

namespace Cmdb.GraphQL.Diagnosis;

/// <summary>Another open incident whose likely causes overlap this diagnosis's.</summary>
public sealed record RelatedIncident(Incident Incident, IReadOnlyList<string> SharedCauseCiIds, DateTimeOffset AsOf);
