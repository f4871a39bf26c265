# The data tier of the demo estate: Postgres replica sets, single databases, the Redis and RabbitMQ clusters.
from estate import team
from estate_infra import PROD


def _db_vm(e, infra, name, owner="dba", cpu=8, memory=32, criticality=1, os="Ubuntu 22.04 LTS", env="production",
           tags=None, host=None):
    return infra.vm(name, owner, cpu=cpu, memory=memory, os=os, env=env, criticality=criticality, tags=tags, host=host)


def _replicated_postgres(e, infra, cluster, nodes, min_healthy, databases, criticality=1, version="16.4"):
    """A Patroni-managed Postgres cluster: instances on VMs grouped in a ReplicaSet, logical databases on the group."""
    members = []
    for n in range(1, nodes + 1):
        host = "%s-0%d" % (cluster, n)
        vm = _db_vm(e, infra, host, criticality=criticality, tags=["postgres"])
        member = e.ci("Database", "%s (%s)" % (host, "primary" if n == 1 else "replica"),
                      {"db.key": "%s.%s:5432" % (host, PROD)}, criticality=criticality,
                      attributes={"engine": "postgresql", "version": version,
                                  "role": "primary" if n == 1 else "replica", "replication": "streaming"},
                      **team("dba"))
        e.rel("RUNS_ON", member, vm)
        members.append(member)
    group = e.ci("ReplicaSet", "%s replica set" % cluster, {"cmdb.key": "replicaset/" + cluster},
                 criticality=criticality, min_healthy=min_healthy, attributes={"manager": "patroni"}, **team("dba"))
    for member in members:
        e.rel("MEMBER_OF", member, group)
    logical = {}
    for db in databases:
        logical[db] = e.ci("Database", db, {"db.key": "%s/%s" % (cluster, db)}, criticality=criticality,
                           tags=["gdpr"] if db in ("accounts", "orders") else None,
                           attributes={"engine": "postgresql", "version": version, "cluster": cluster},
                           **team("dba"))
        e.rel("RUNS_ON", logical[db], group)
    return logical


def _single_database(e, infra, name, vm, engine, version, criticality, owner="dba", tags=None, env="production"):
    db = e.ci("Database", name, {"db.key": "%s/%s" % (vm.name, name)}, env=env, criticality=criticality, tags=tags,
              attributes={"engine": engine, "version": version}, **team(owner))
    e.rel("RUNS_ON", db, vm)
    return db


def build_data_tier(e, infra):
    d = {}
    d.update(_replicated_postgres(e, infra, "pg-orders", 3, 2, ["orders"]))
    d.update(_replicated_postgres(e, infra, "pg-catalog", 2, 1, ["catalog"]))
    d.update(_replicated_postgres(e, infra, "pg-accounts", 2, 1, ["accounts", "keycloak"]))
    # The ERP database predates the platform: one VM, no replica, and half the company uses it.
    erp_vm = _db_vm(e, infra, "pg-erp-01", cpu=16, memory=64, tags=["legacy", "postgres"])
    d["erp"] = _single_database(e, infra, "erp", erp_vm, "postgresql", "12.17", 1, tags=["legacy", "spof"])
    dwh_vm = _db_vm(e, infra, "dwh-01", owner="data", cpu=32, memory=256, criticality=3)
    d["dwh"] = _single_database(e, infra, "dwh", dwh_vm, "clickhouse", "24.3", 3, owner="data")
    payroll_vm = _db_vm(e, infra, "payroll-db-01", owner="finance", os="Windows Server 2022", criticality=2,
                        host=infra.hypervisors[1])
    d["payroll"] = _single_database(e, infra, "payroll", payroll_vm, "mssql", "2019 CU27", 2, owner="finance",
                                    tags=["gdpr"])
    cms_vm = _db_vm(e, infra, "mkt-db-01", owner="marketing", cpu=4, memory=16, criticality=3)
    d["wordpress"] = _single_database(e, infra, "wordpress", cms_vm, "mysql", "8.0.39", 3, owner="marketing")
    stg_vm = _db_vm(e, infra, "pg-staging-01", cpu=4, memory=16, criticality=4, env="staging")
    d["shop_staging"] = _single_database(e, infra, "shop_staging", stg_vm, "postgresql", "16.4", 4, env="staging")
    for db in ("orders", "catalog", "accounts", "erp", "payroll"):
        e.rel("BACKS_UP", infra.bucket_backups, d[db])
    _caches(e, infra, d)
    _queues(e, infra, d)
    return d


def _caches(e, infra, d):
    members = []
    for n in range(1, 4):
        vm = infra.vm("redis-0%d" % n, "platform", cpu=4, memory=32, criticality=1, tags=["redis"])
        member = e.ci("Cache", "redis-0%d" % n, {"cache.key": "redis-0%d.%s:6379" % (n, PROD)}, criticality=1,
                      attributes={"engine": "redis", "version": "7.2.5", "role": "master" if n == 1 else "replica"},
                      **team("platform"))
        e.rel("RUNS_ON", member, vm)
        members.append(member)
    group = e.ci("ReplicaSet", "redis-prod (Sentinel)", {"cmdb.key": "replicaset/redis-prod"}, criticality=1,
                 min_healthy=1, attributes={"manager": "redis-sentinel"}, **team("platform"))
    for member in members:
        e.rel("MEMBER_OF", member, group)
    for name in ("sessions", "cart", "catalog-cache", "rate-limits"):
        d["cache:" + name] = e.ci("Cache", name, {"cache.key": "redis-prod/" + name}, criticality=1,
                                  attributes={"engine": "redis", "database": len(d) % 16}, **team("platform"))
        e.rel("RUNS_ON", d["cache:" + name], group)


QUEUES = ["orders.created", "orders.paid", "orders.shipped", "inventory.reserved", "stock.updated", "emails.outbound",
          "customers.updated", "search.reindex", "payments.refunds", "returns.requested"]


def _queues(e, infra, d):
    nodes = []
    for n in range(1, 4):
        vm = infra.vm("mq-0%d" % n, "platform", cpu=4, memory=16, criticality=1, tags=["rabbitmq"])
        node = e.ci("MessageBroker", "rabbitmq mq-0%d" % n, {"cmdb.key": "broker/rabbitmq-prod/mq-0%d" % n},
                    criticality=1, attributes={"engine": "rabbitmq", "version": "3.13.6"}, **team("platform"))
        e.rel("RUNS_ON", node, vm)
        nodes.append(node)
    group = infra.cluster("rabbitmq-prod nodes", "cluster/rabbitmq-prod", nodes, 2, "platform", 1, "production",
                          "Quorum queues: a majority of nodes must be up")
    broker = e.ci("MessageBroker", "rabbitmq-prod", {"fqdn": "rabbitmq.%s" % PROD}, criticality=1,
                  attributes={"engine": "rabbitmq", "version": "3.13.6", "vhost": "/shop"}, **team("platform"))
    e.rel("RUNS_ON", broker, group)
    for q in QUEUES:
        d["queue:" + q] = e.ci("Queue", q, {"queue.key": "rabbitmq-prod/shop/" + q}, criticality=2,
                               attributes={"type": "quorum", "durable": True}, **team("platform"))
        e.rel("CONTAINS", broker, d["queue:" + q])
        e.rel("DEPENDS_ON", d["queue:" + q], broker)
