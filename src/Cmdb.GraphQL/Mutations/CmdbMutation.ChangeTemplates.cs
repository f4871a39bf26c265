using Cmdb.Domain.Changes;
using Cmdb.GraphQL.Types.Changes;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Mutations;

public sealed partial class CmdbMutation
{
    private void AddChangeTemplateFields()
    {
        Field<NonNullGraphType<ChangeTemplateType>>("createChangeTemplate")
            .Description("Records an active standard-change template.")
            .Argument<NonNullGraphType<ChangeTemplateInputType>>("input", "The template.")
            .ResolveAsync(async c => await Templates(c).CreateTemplateAsync(
                c.GetArgument<ChangeTemplateInput>("input").ToSpec(), CmdbUserContext.ActorOf(c), c.CancellationToken));

        Field<NonNullGraphType<ChangeTemplateType>>("updateChangeTemplate")
            .Description("Replaces the fields of an active template; refused when expectedVersion is not its current version.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The template.")
            .Argument<NonNullGraphType<LongGraphType>>("expectedVersion", "The version you read.")
            .Argument<NonNullGraphType<ChangeTemplateInputType>>("input", "The new fields.")
            .ResolveAsync(async c => await Templates(c).UpdateTemplateAsync(
                c.GetArgument<string>("id"), c.GetArgument<long>("expectedVersion"), c.GetArgument<ChangeTemplateInput>("input").ToSpec(),
                CmdbUserContext.ActorOf(c), c.CancellationToken));

        Field<NonNullGraphType<ChangeTemplateType>>("retireChangeTemplate")
            .Description("Retires a template: it stays readable but pre-approves no change any more.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The template.")
            .Argument<NonNullGraphType<LongGraphType>>("expectedVersion", "The version you read.")
            .ResolveAsync(async c => await Templates(c).RetireTemplateAsync(
                c.GetArgument<string>("id"), c.GetArgument<long>("expectedVersion"), CmdbUserContext.ActorOf(c), c.CancellationToken));
    }

    private static IChangeTemplateStore Templates(IResolveFieldContext context) =>
        context.Service<IChangeTemplateStore>();
}
