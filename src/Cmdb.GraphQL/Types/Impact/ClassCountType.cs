using Cmdb.Domain.Impact;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>How many affected CIs are of a class.</summary>
public sealed class ClassCountType : ObjectGraphType<ClassCount>
{
    public ClassCountType()
    {
        Name = "ImpactClassCount";
        Description = "How many affected CIs are of a class (exactly that class, not counting subclasses).";
        Field<NonNullGraphType<StringGraphType>>("class").Description("The class name.").Resolve(c => c.Source.ClassName);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many CIs.").Resolve(c => c.Source.Count);
    }
}
