using GraphQL.Builders;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>The scope arguments shared by the impact fields, declared once so they read the same everywhere.</summary>
public static class ImpactArguments
{
    public const string MaxDepth = "maxDepth";
    public const string RelationshipTypes = "relationshipTypes";
    public const string Environments = "environments";
    public const string IncludeRetired = "includeRetired";
    public const string AsOf = "asOf";

    public static FieldBuilder<TSource, TReturn> MaxDepthArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<IntGraphType>(MaxDepth, "Hops to follow, 0 to the cap (default and cap: Cmdb:Impact DefaultMaxDepth, 10, and MaxDepthCap, 50, unless configured).");

    public static FieldBuilder<TSource, TReturn> RelationshipTypesArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<ListGraphType<NonNullGraphType<StringGraphType>>>(
            RelationshipTypes, "Follow only these relationship types (default: all), each still in its propagation direction.");

    public static FieldBuilder<TSource, TReturn> EnvironmentsArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<ListGraphType<NonNullGraphType<StringGraphType>>>(
            Environments, "Report only CIs in these environments (default: all). Trouble still travels through the others.");

    public static FieldBuilder<TSource, TReturn> IncludeRetiredArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<BooleanGraphType>(
            IncludeRetired, "Let retired CIs take part; by default they are neither reached nor counted as alternatives.", a => a.DefaultValue = false);

    public static FieldBuilder<TSource, TReturn> AsOfArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<DateTimeType>(AsOf, "Read the topology (and the CIs returned) as of this moment (default: now).");
}
