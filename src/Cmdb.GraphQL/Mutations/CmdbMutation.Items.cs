using Cmdb.Domain.Errors;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types;
using Cmdb.GraphQL.Types.Inputs;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Mutations;

public sealed partial class CmdbMutation
{
    private void AddItemFields()
    {
        Field<CiMutationResultType>("upsertCi")
            .Description("Creates a CI, or updates the one named by id or matched by its class's identification rule.")
            .Argument<NonNullGraphType<CiInputType>>("input", "The CI.")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<CiInput>("input");
                return await WriteCiAsync(c, new UpsertCi(input.Id, input.Class, WriteInputs.ToFields(input, "input")) { Path = "input" });
            });

        Field<CiMutationResultType>("updateCi")
            .Description("Changes a CI if it is still at expectedVersion; otherwise a CONFLICT error and nothing is written.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The CI.")
            .Argument<NonNullGraphType<LongGraphType>>("expectedVersion", "The version you read (ConfigurationItem.version).")
            .Argument<NonNullGraphType<CiChangesInputType>>("input", "The changes.")
            .ResolveAsync(async c => await WriteCiAsync(c, new UpdateCi(
                c.GetArgument<string>("id"), c.GetArgument<long>("expectedVersion"), WriteInputs.ToFields(c.GetArgument<CiChangesInput>("input"), "input"))
            { Path = "input" }));

        Field<CiMutationResultType>("retireCi")
            .Description("Sets a CI's status to RETIRED. Its relationships and history are kept; retirement is never deletion.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The CI.")
            .Argument<LongGraphType>("expectedVersion", "When given, the CI must still be at this version.")
            .ResolveAsync(async c => await WriteCiAsync(c, new RetireCi(c.GetArgument<string>("id"), c.GetArgument<long?>("expectedVersion"))));
    }

    private async Task<CiMutationResult> WriteCiAsync(IResolveFieldContext context, WriteOperation operation)
    {
        var result = (await ApplyAsync(context, WriteBatch.Of(operation))).Results[0];
        var cis = await _store.GetCisAsync([result.EntityId], null, context.CancellationToken);
        var ci = cis.GetValueOrDefault(result.EntityId) ?? throw CmdbException.NotFound($"CI {result.EntityId} vanished after the write.");
        return new CiMutationResult(new CiNode(ci, null), result.Outcome);
    }
}
