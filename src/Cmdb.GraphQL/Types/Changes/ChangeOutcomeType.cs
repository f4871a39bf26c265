using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeOutcomeType : EnumerationGraphType<ChangeOutcome>
{
    public ChangeOutcomeType()
    {
        Name = "ChangeOutcome";
        Description = "How an implemented change ended.";
    }
}
