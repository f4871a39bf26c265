using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>What a write did.</summary>
public sealed class WriteOutcomeType : EnumerationGraphType<WriteOutcome>
{
    public WriteOutcomeType()
    {
        Name = "WriteOutcome";
        Description = "What a write did to the entity it names. UNCHANGED means the write matched what was stored.";
    }
}
