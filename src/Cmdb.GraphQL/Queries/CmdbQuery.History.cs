using Cmdb.Domain.Relationships;
using Cmdb.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

public sealed partial class CmdbQuery
{
    private void AddHistoryFields()
    {
        Field<NonNullGraphType<AuditEntryConnectionType>>("history")
            .Description("Audit history of a CI and its relationships, newest first. Also available as ConfigurationItem.history.")
            .Argument<NonNullGraphType<IdGraphType>>("ciId", "The CI.")
            .Argument<IntGraphType>("first", "Page size.", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after", "Continue after this cursor.")
            .ResolveAsync(async c => await _store.GetHistoryAsync(
                Id(c.GetArgument<string>("ciId")), Paging.First(c.GetArgument("first", 20), _options.MaxPageSize),
                Paging.After(c.GetArgument<string?>("after")), c.CancellationToken));

        Field<NonNullGraphType<CiDiffType>>("diff")
            .Description("How a CI and its relationships differ between two moments (fields, relationships added and removed).")
            .Argument<NonNullGraphType<IdGraphType>>("ciId", "The CI.")
            .Argument<NonNullGraphType<DateTimeType>>("from", "The earlier moment.")
            .Argument<NonNullGraphType<DateTimeType>>("to", "The later moment.")
            .ResolveAsync(async c => await Diffs.ReadAsync(
                _store, Id(c.GetArgument<string>("ciId")), c.GetArgument<DateTimeOffset>("from"), c.GetArgument<DateTimeOffset>("to"), c.CancellationToken));
    }
}
