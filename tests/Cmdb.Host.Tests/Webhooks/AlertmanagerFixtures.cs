namespace Cmdb.Host.Tests.Webhooks;

/// <summary>
/// Alertmanager webhook bodies in the documented format (webhook_config, payload version 4), with hosts, database
/// endpoints and pod uids from the demo estate.
/// </summary>
internal static class AlertmanagerFixtures
{
    public const string DbKey = "pg-orders-01.prod.fra1.acme.internal:5432";
    public const string PodUid = "fefc8795-d8cd-4aa7-97e1-8027397deab4";

    /// <summary>One firing alert on the orders database (Go's nanosecond times, endsAt unset).</summary>
    public static string Firing(string fingerprint = "1a30ba71cca2921f") => $$"""
        {
          "receiver": "cmdb",
          "status": "firing",
          "alerts": [
            {
              "status": "firing",
              "labels": { "alertname": "PostgresReplicationLag", "instance": "{{DbKey}}", "job": "postgres", "severity": "critical" },
              "annotations": { "summary": "Replication lag above 30s", "runbook_url": "https://runbooks.acme.internal/pg-lag" },
              "startsAt": "2026-11-30T03:08:45.828039215Z",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://prometheus.acme.internal:9090/graph?g0.expr=pg_replication_lag+%3E+30\u0026g0.tab=1",
              "fingerprint": "{{fingerprint}}"
            }
          ],
          "groupLabels": { "alertname": "PostgresReplicationLag" },
          "commonLabels": { "alertname": "PostgresReplicationLag", "instance": "{{DbKey}}", "job": "postgres", "severity": "critical" },
          "commonAnnotations": { "summary": "Replication lag above 30s" },
          "externalURL": "http://alertmanager.acme.internal:9093",
          "version": "4",
          "groupKey": "{}:{alertname=\"PostgresReplicationLag\"}",
          "truncatedAlerts": 0
        }
        """;

    /// <summary>The same alert, resolved.</summary>
    public const string Resolved = $$"""
        {
          "receiver": "cmdb",
          "status": "resolved",
          "alerts": [
            {
              "status": "resolved",
              "labels": { "alertname": "PostgresReplicationLag", "instance": "{{DbKey}}", "job": "postgres", "severity": "critical" },
              "annotations": { "summary": "Replication lag above 30s" },
              "startsAt": "2026-11-30T03:08:45.828039215Z",
              "endsAt": "2026-11-30T03:20:15.1Z",
              "generatorURL": "http://prometheus.acme.internal:9090/graph",
              "fingerprint": "1a30ba71cca2921f"
            }
          ],
          "groupLabels": { "alertname": "PostgresReplicationLag" },
          "commonLabels": { "alertname": "PostgresReplicationLag" },
          "commonAnnotations": {},
          "externalURL": "http://alertmanager.acme.internal:9093",
          "version": "4",
          "groupKey": "{}:{alertname=\"PostgresReplicationLag\"}",
          "truncatedAlerts": 0
        }
        """;

    /// <summary>A group of three: a hypervisor by node-exporter instance, a pod by kube-state-metrics uid, and one nobody knows.</summary>
    public const string Grouped = $$"""
        {
          "receiver": "cmdb",
          "status": "firing",
          "alerts": [
            {
              "status": "firing",
              "labels": { "alertname": "HostDown", "instance": "esx-01.prod.fra1.acme.internal:9100", "job": "node", "severity": "page" },
              "annotations": {},
              "startsAt": "2026-11-30T03:00:00Z",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "",
              "fingerprint": "aaaa000000000001"
            },
            {
              "status": "firing",
              "labels": { "alertname": "PodCrashLooping", "namespace": "shop", "pod": "storefront-ss58hwd9sg-c7mmg", "uid": "{{PodUid}}", "severity": "warning" },
              "annotations": { "description": "Pod is restarting" },
              "startsAt": "2026-11-30T03:01:00+01:00",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "",
              "fingerprint": "aaaa000000000002"
            },
            {
              "status": "firing",
              "labels": { "alertname": "Watchdog", "datacenter": "nowhere" },
              "annotations": {},
              "startsAt": "2026-11-30T03:02:00Z",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "",
              "fingerprint": "aaaa000000000003"
            }
          ],
          "groupLabels": {},
          "commonLabels": {},
          "commonAnnotations": {},
          "externalURL": "http://alertmanager.acme.internal:9093",
          "version": "4",
          "groupKey": "{}:{}",
          "truncatedAlerts": 0
        }
        """;
}
