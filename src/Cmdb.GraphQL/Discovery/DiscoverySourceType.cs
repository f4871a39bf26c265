using System.Globalization;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

/// <summary>A configured discovery source. Settings and credentials are never exposed.</summary>
public sealed class DiscoverySourceType : ObjectGraphType<DiscoverySourceNode>
{
    public DiscoverySourceType()
    {
        Name = "DiscoverySource";
        Description = "A configured discovery source (Cmdb:Discovery:Sources:NAME). Its settings and credentials are never exposed.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name in configuration; pass it as `source`.").Resolve(c => c.Source.Info.Name);
        Field<NonNullGraphType<StringGraphType>>("kind").Description("Which built-in source: local-host, terraform, kubernetes, compose, bulk-folder.").Resolve(c => c.Source.Info.Kind);
        Field<StringGraphType>("schedule").Description("Its cron expression (UTC); null when it runs on an interval.").Resolve(c => c.Source.Info.Schedule);
        Field<StringGraphType>("interval").Description("Its interval as in configuration (d.hh:mm:ss); null when it runs on a cron schedule.")
            .Resolve(c => c.Source.Info.Interval?.ToString("c", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("timeout").Description("How long one run may take (d.hh:mm:ss) before it is recorded as failed.")
            .Resolve(c => c.Source.Info.Timeout.ToString("c", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Description("False: configured but never scheduled (manual runs still work).").Resolve(c => c.Source.Info.Enabled);
        Field<NonNullGraphType<DiscoveryScheduleStateType>>("state").Description("Whether it runs on its schedule now.").Resolve(c => c.Source.Schedule.State);
        Field<Types.DateTimeType>("nextRunAt").Description("When the scheduler runs it next (a pending retry counts); null when paused or disabled.")
            .Resolve(c => c.Source.Schedule.NextRunAt);
        Field<DiscoveryRunType>("lastRun").Description("Its latest run; null before the first.").Resolve(c => c.Source.LastRun);
    }
}
