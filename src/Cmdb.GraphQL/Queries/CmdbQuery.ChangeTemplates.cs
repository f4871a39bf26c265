using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.GraphQL.Types.Changes;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

public sealed partial class CmdbQuery
{
    private void AddChangeTemplateFields()
    {
        Field<NonNullGraphType<ChangeTemplateType>>("changeTemplate")
            .Description("One standard-change template.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The template.")
            .ResolveAsync(async c => await Templates(c).GetTemplateAsync(c.GetArgument<string>("id"), c.CancellationToken)
                ?? throw CmdbException.NotFound($"No change template with id '{c.GetArgument<string>("id")}'."));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeTemplateType>>>>("changeTemplates")
            .Description("The standard-change templates by name; retired ones only when asked.")
            .Argument<BooleanGraphType>("includeRetired", "Also list retired templates (default false).")
            .ResolveAsync(async c => await Templates(c).ListTemplatesAsync(c.GetArgument("includeRetired", false), c.CancellationToken));
    }

    private static IChangeTemplateStore Templates(IResolveFieldContext context) =>
        context.Service<IChangeTemplateStore>();
}
