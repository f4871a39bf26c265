using Cmdb.Domain.Diagnosis;
using GraphQL.Types;

namespace Cmdb.GraphQL.Diagnosis;

public sealed class DiagnosisChangeKindType : EnumerationGraphType<DiagnosisChangeKind>
{
    public DiagnosisChangeKindType()
    {
        Name = "DiagnosisChangeKind";
        Description = "Where a change comes from: a change record (declared), seen only by discovery (the unauthorised-change suspect), or a manual write no record declares.";
    }
}
