using Cmdb.Domain.Errors;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types;
using Cmdb.GraphQL.Types.Inputs;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Mutations;

public sealed partial class CmdbMutation
{
    private void AddRelationshipFields()
    {
        Field<RelationshipMutationResultType>("upsertRelationship")
            .Description("Creates a relationship, or leaves it as it is when the same type already links the same two CIs.")
            .Argument<NonNullGraphType<RelationshipInputType>>("input", "The relationship.")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RelationshipInput>("input");
                var operation = new UpsertRelationship(
                    input.Type, WriteInputs.ToRef(input.Source, "input.source"), WriteInputs.ToRef(input.Target, "input.target"),
                    WriteInputs.ToObject(input.Attributes, "input.attributes")) { Path = "input" };
                return await WriteRelationshipAsync(c, operation);
            });

        Field<RelationshipMutationResultType>("removeRelationship")
            .Description("Ends a relationship. It stays readable as of earlier moments and by id (with validTo set).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The relationship.")
            .ResolveAsync(async c => await WriteRelationshipAsync(c, new RemoveRelationship(c.GetArgument<string>("id"))));
    }

    private async Task<RelationshipMutationResult> WriteRelationshipAsync(IResolveFieldContext context, WriteOperation operation)
    {
        var result = (await ApplyAsync(context, WriteBatch.Of(operation))).Results[0];
        var relationship = await _store.GetRelationshipAsync(result.EntityId, context.CancellationToken)
            ?? throw CmdbException.NotFound($"Relationship {result.EntityId} vanished after the write.");
        return new RelationshipMutationResult(new RelationshipNode(relationship, null), result.Outcome);
    }
}
