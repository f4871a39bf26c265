using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ApprovalPathType : EnumerationGraphType<ApprovalPath>
{
    public ApprovalPathType()
    {
        Name = "ApprovalPath";
        Description = "Who should authorise the change, proportional to its risk.";
    }
}
