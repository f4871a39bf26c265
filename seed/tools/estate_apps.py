# Services, applications and their data tier in the demo estate.
from estate import team
from estate_data import build_data_tier
from estate_infra import PROD

# name, display, team, criticality, tags, language, (namespace, replicas, version) or None when not on Kubernetes
APPS = [
    ("storefront", "Storefront (web shop)", "ecom", 1, ["customer-facing"], "typescript", ("shop", 6, "5.12.3")),
    ("catalog-api", "Catalog API", "ecom", 1, [], "kotlin", ("shop", 4, "3.8.0")),
    ("search-api", "Search API", "ecom", 1, ["customer-facing"], "go", ("shop", 4, "2.4.1")),
    ("cart-api", "Cart API", "ecom", 1, [], "go", ("shop", 4, "1.19.2")),
    ("checkout-api", "Checkout API", "payments", 1, ["pci"], "kotlin", ("shop", 4, "4.2.7")),
    ("payments-api", "Payments API", "payments", 1, ["pci"], "kotlin", ("shop", 3, "2.11.0")),
    ("pricing-api", "Pricing & Promotions API", "ecom", 2, [], "kotlin", ("shop", 2, "1.7.4")),
    ("inventory-api", "Inventory API", "fulfil", 1, [], "java", ("shop", 3, "6.0.2")),
    ("order-service", "Order Service", "fulfil", 1, [], "java", ("shop", 4, "7.3.1")),
    ("shipping-service", "Shipping Service", "fulfil", 2, [], "python", ("shop", 2, "2.2.0")),
    ("recommendations", "Recommendations", "data", 3, [], "python", ("shop", 2, "0.9.5")),
    ("notifications", "Notifications", "ecom", 2, [], "typescript", ("shop", 3, "3.1.0")),
    ("accounts-api", "Customer Accounts API", "identity", 1, ["gdpr"], "kotlin", ("shop", 4, "2.6.3")),
    ("auth-sso", "Auth / SSO (Keycloak)", "identity", 1, ["gdpr"], "java", ("identity", 2, "24.0.5")),
    ("image-service", "Product Image Service", "ecom", 2, [], "go", ("shop", 2, "1.4.0")),
    ("reporting-portal", "Reporting Portal (Metabase)", "data", 3, [], "clojure", ("data", 2, "0.50.8")),
    ("cert-manager", "Certificate manager (cert-manager)", "platform", 2, [], "go", ("platform", 2, "1.15.3")),
    ("external-dns", "ExternalDNS", "platform", 3, [], "go", ("platform", 1, "0.14.2")),
    ("ingress-nginx", "Ingress controller (ingress-nginx)", "platform", 1, [], "go", None),
    ("search-index", "Search index (OpenSearch)", "ecom", 1, [], "java", None),
    ("log-shipping", "Log shipping (Fluent Bit)", "platform", 3, [], "c", None),
    ("admin-backoffice", "Admin Backoffice", "fulfil", 2, ["internal"], "php", None),
    ("reporting-etl", "Reporting ETL", "data", 3, ["internal"], "python", None),
    ("marketing-cms", "Marketing CMS (WordPress)", "marketing", 3, [], "php", None),
    ("payroll", "Payroll (PayrollPro)", "finance", 2, ["gdpr", "internal"], "dotnet", None),
    ("monitoring", "Monitoring (Prometheus & Grafana)", "platform", 2, ["internal"], "go", None),
]

STAGING = ["storefront", "catalog-api", "cart-api", "checkout-api", "payments-api", "accounts-api"]


def build_applications(e, infra, k8s):
    apps = _applications(e)
    run = _kubernetes_workloads(e, infra, k8s, apps)
    data = build_data_tier(e, infra)
    _vm_applications(e, infra, apps, data)
    edge = _edge(e, infra, k8s, run)
    _app_dependencies(e, infra, apps, run, data)
    _services(e, infra, apps, data, edge)


def _applications(e):
    apps = {}
    for key, name, owner, criticality, tags, language, _ in APPS:
        apps[key] = e.ci("Application", name, {"cmdb.key": "app/" + key}, criticality=criticality, tags=tags,
                         attributes={"language": language, "repository": "git.acme.internal/acme/" + key},
                         **team(owner))
    apps["recommendations-v2"] = e.ci("Application", "Recommendations v2", {"cmdb.key": "app/recommendations-v2"},
                                      status="planned", criticality=3, attributes={"language": "python"}, **team("data"))
    apps["legacy-shop"] = e.ci("Application", "Legacy shop (Magento 1)", {"cmdb.key": "app/legacy-shop"},
                               status="retired", criticality=4, attributes={"language": "php"}, **team("ecom"))
    return apps


def _kubernetes_workloads(e, infra, k8s, apps):
    run = {}
    for key, _, owner, criticality, tags, _, placement in APPS:
        if placement is None:
            continue
        ns, replicas, version = placement
        run[key] = k8s.deploy(k8s.prod, ns, key, apps[key], replicas, "%s/%s" % (ns, key), version, owner,
                              criticality, tags)
    for key in STAGING:
        version = [p for k, *_, p in APPS if k == key][0][2]
        owner = [o for k, _, o, *_ in APPS if k == key][0]
        k8s.deploy(k8s.staging, "shop-staging", key, apps[key], 1, "shop/%s" % key, version, owner, 4)
    run["ingress-nginx"] = k8s.deploy(k8s.prod, "ingress-nginx", "ingress-nginx-controller", apps["ingress-nginx"], 3,
                                      "ingress-nginx/controller", "1.11.2", "platform", 1, port=443)
    run["search-index"] = k8s.statefulset(k8s.prod, "data", "opensearch", apps["search-index"], 3,
                                          "data/opensearch", "2.15.0", "ecom", 1, 2, 500)
    k8s.daemonset(k8s.prod, "monitoring", "fluent-bit", apps["log-shipping"], "monitoring/fluent-bit", "3.1.4",
                  "platform", 3)
    for key, w in run.items():
        if key != "search-index":
            e.rel("DEPENDS_ON", apps[key], w["deployment"])
        e.rel("DEPENDS_ON", apps[key], w["service"])
    return run


def _instances(e, infra, app, key, hosts, owner, criticality, version, pool_name=None, min_healthy=1, os=None,
               cpu=4, memory=8, host=None):
    """Application instances on their own VMs, optionally grouped in a Pool behind a load balancer."""
    instances = []
    for name in hosts:
        vm = infra.vm(name, owner, cpu=cpu, memory=memory, criticality=criticality, host=host,
                      **({"os": os} if os else {}))
        instance = e.ci("ApplicationInstance", "%s on %s" % (key, name), {"instance.key": "%s@%s" % (key, name)},
                        criticality=criticality, attributes={"version": version, "port": 443}, **team(owner))
        e.rel("RUNS_ON", instance, vm)
        e.rel("INSTANCE_OF", instance, app)
        instances.append(instance)
    if pool_name is None:
        return instances, None
    pool = e.ci("Pool", pool_name, {"cmdb.key": "pool/" + key}, criticality=criticality, min_healthy=min_healthy,
                **team(owner))
    for instance in instances:
        e.rel("MEMBER_OF", instance, pool)
    return instances, pool


def _balancer(e, infra, name, fqdn, pool, owner, criticality, runs_on, tags=None):
    lb = e.ci("LoadBalancer", name, {"fqdn": fqdn}, criticality=criticality, min_healthy=1, tags=tags,
              attributes={"engine": "haproxy", "version": "2.8.10", "tlsTermination": True}, **team(owner))
    e.rel("ROUTES_TO", lb, pool)
    e.rel("RUNS_ON", lb, runs_on)
    return lb


def _vm_applications(e, infra, apps, data):
    _, bo_pool = _instances(e, infra, apps["admin-backoffice"], "admin-backoffice", ["bo-01", "bo-02"], "fulfil", 2,
                            "2024.11.2", "Admin Backoffice pool")
    data["lb:backoffice"] = _balancer(e, infra, "lb-int (backoffice.acme.internal)", "backoffice.acme.internal",
                                      bo_pool, "network", 2, infra.vm("lb-int-01", "network", cpu=2, memory=4))
    e.rel("DEPENDS_ON", apps["admin-backoffice"], data["lb:backoffice"])
    _, mkt_pool = _instances(e, infra, apps["marketing-cms"], "marketing-cms", ["mkt-web-01", "mkt-web-02"],
                             "marketing", 3, "6.6.2", "Marketing web pool")
    mkt_vm = infra.vm("lb-mkt-01", "network", cpu=2, memory=4, criticality=3)
    data["lb:marketing"] = _balancer(e, infra, "lb-mkt (www.acme-outfitters.com/blog)", "lb-mkt.%s" % PROD,
                                     mkt_pool, "network", 3, mkt_vm)
    e.rel("DEPENDS_ON", data["lb:marketing"], infra.firewalls)
    e.rel("DEPENDS_ON", apps["marketing-cms"], data["lb:marketing"])
    # Payroll is licensed per host, so its VM is pinned to one hypervisor.
    payroll, _ = _instances(e, infra, apps["payroll"], "payroll", ["payroll-app-01"], "finance", 2, "11.4",
                            os="Windows Server 2022", host=infra.hypervisors[1])
    e.rel("DEPENDS_ON", apps["payroll"], payroll[0])
    etl, _ = _instances(e, infra, apps["reporting-etl"], "reporting-etl", ["etl-01"], "data", 3, "1.12.0",
                        cpu=8, memory=32)
    e.rel("DEPENDS_ON", apps["reporting-etl"], etl[0])
    e.rel("USES_STORAGE", etl[0], infra.bucket_exports)
    mons, mon_group = _instances(e, infra, apps["monitoring"], "monitoring", ["mon-01", "mon-02"], "platform", 2,
                                 "2.53.1", "Monitoring HA pair", cpu=8, memory=32)
    e.rel("RUNS_ON", apps["monitoring"], mon_group)
    infra.vm("bastion-01", "infra", cpu=2, memory=4, criticality=2, tags=["security"])
    infra.vm("ci-runner-01", "platform", cpu=16, memory=32, criticality=3, tags=["ci"])
    legacy = infra.vm("legacy-shop-01", "ecom", cpu=8, memory=16, os="CentOS 7", criticality=4, status="retired")
    e.rel("RUNS_ON", apps["legacy-shop"], legacy)


def _edge(e, infra, k8s, run):
    edge = {}
    lb_vms = [infra.vm("lb-ext-0%d" % n, "network", cpu=4, memory=8, criticality=1, tags=["edge"]) for n in (1, 2)]
    haproxy = infra.cluster("haproxy-ext pair", "cluster/haproxy-ext", lb_vms, 1, "network", 1, "production",
                            "keepalived VRRP pair carrying the public VIP")
    edge["lb"] = _balancer(e, infra, "lb-ext (shop.acme-outfitters.com)", "shop-vip.%s" % PROD, k8s.ingress_pool,
                           "network", 1, haproxy, tags=["customer-facing"])
    e.rel("DEPENDS_ON", edge["lb"], infra.firewalls)
    e.rel("DEPENDS_ON", infra.cdn, edge["lb"])
    ingress = e.ci("KubernetesIngress", "shop-web", {"k8s.uid": e.uuid4()}, criticality=1, min_healthy=3,
                   tags=["customer-facing"], attributes={"hosts": ["shop.acme-outfitters.com"], "className": "nginx",
                                                        "namespace": "shop"}, **team("ecom"))
    e.rel("CONTAINS", k8s.prod.namespaces["shop"], ingress)
    for key in ("storefront", "checkout-api", "accounts-api"):
        e.rel("ROUTES_TO", ingress, run[key]["service"])
    e.rel("DEPENDS_ON", ingress, run["ingress-nginx"]["service"])
    edge["ingress"] = ingress
    return edge


# (application, what it depends on): application keys, "db:NAME", "cache:NAME", "queue:NAME", "svc:TECHNICAL".
DEPENDENCIES = {
    "storefront": ["catalog-api", "search-api", "cart-api", "checkout-api", "accounts-api", "auth-sso",
                   "recommendations", "image-service", "pricing-api", "cache:sessions", "cache:catalog-cache"],
    "catalog-api": ["db:catalog", "db:erp", "cache:catalog-cache", "queue:stock.updated", "queue:search.reindex"],
    "search-api": ["search-index", "queue:search.reindex", "queue:stock.updated"],
    "cart-api": ["cache:cart", "pricing-api", "inventory-api"],
    "checkout-api": ["cart-api", "payments-api", "pricing-api", "inventory-api", "accounts-api", "db:orders",
                     "queue:orders.created", "cache:rate-limits"],
    "payments-api": ["db:orders", "queue:orders.paid", "queue:payments.refunds", "cache:rate-limits",
                     "svc:payment-gateway"],
    "pricing-api": ["db:catalog"],
    "inventory-api": ["db:erp", "queue:inventory.reserved", "queue:stock.updated"],
    "order-service": ["db:orders", "db:erp", "inventory-api", "queue:orders.created", "queue:orders.paid",
                      "queue:inventory.reserved", "queue:payments.refunds", "queue:returns.requested"],
    "shipping-service": ["db:orders", "db:erp", "queue:orders.shipped", "svc:carrier-integration"],
    "recommendations": ["catalog-api", "db:dwh"],
    "notifications": ["queue:orders.created", "queue:orders.shipped", "queue:emails.outbound",
                      "queue:customers.updated", "svc:email-delivery"],
    "accounts-api": ["db:accounts", "auth-sso", "cache:sessions", "queue:customers.updated",
                     "queue:returns.requested"],
    "auth-sso": ["db:keycloak", "cache:sessions"],
    "image-service": ["db:catalog"],
    "reporting-portal": ["db:dwh", "auth-sso"],
    "admin-backoffice": ["auth-sso", "catalog-api", "order-service", "db:erp", "db:orders"],
    "reporting-etl": ["db:erp", "db:orders", "db:accounts", "db:dwh", "queue:orders.created",
                      "queue:customers.updated"],
    "marketing-cms": ["db:wordpress"],
    "payroll": ["db:payroll", "db:erp", "auth-sso"],
    "external-dns": ["svc:dns"],
}


def _app_dependencies(e, infra, apps, run, data):
    e.rel("USES_STORAGE", apps["image-service"], infra.bucket_images)
    e.rel("DEPENDS_ON", apps["search-api"], run["search-index"]["service"])
    data["technical"] = _technical_services(e, infra, apps)
    for key, targets in DEPENDENCIES.items():
        for target in targets:
            if target.startswith("svc:"):
                e.rel("DEPENDS_ON", apps[key], data["technical"][target[4:]])
            elif target.startswith("db:"):
                e.rel("DEPENDS_ON", apps[key], data[target[3:]])
            elif target.startswith(("cache:", "queue:")):
                e.rel("DEPENDS_ON", apps[key], data[target])
            elif target == "search-index":
                continue  # reached through its Kubernetes service above
            else:
                e.rel("DEPENDS_ON", apps[key], apps[target])


def _technical_services(e, infra, apps):
    def service(key, name, owner, criticality, attributes=None):
        return e.ci("TechnicalService", name, {"cmdb.key": "service/" + key}, criticality=criticality,
                    attributes=attributes, **team(owner))

    t = {
        "payment-gateway": service("payment-gateway", "Payment gateway (Adyen)", "payments", 1,
                                   {"vendor": "Adyen", "external": True}),
        "carrier-integration": service("carrier-integration", "Carrier integration (DHL, UPS)", "fulfil", 2,
                                       {"external": True}),
        "email-delivery": service("email-delivery", "Transactional email", "platform", 2),
        "sso": service("sso", "Single sign-on", "identity", 1),
        "dns": service("dns", "Public DNS", "platform", 1),
        "observability": service("observability", "Monitoring & logging", "platform", 2),
    }
    e.rel("DEPENDS_ON", t["email-delivery"], infra.ses)
    e.rel("DEPENDS_ON", t["sso"], apps["auth-sso"])
    e.rel("DEPENDS_ON", t["dns"], infra.dns_zone)
    e.rel("DEPENDS_ON", t["observability"], apps["monitoring"])
    e.rel("DEPENDS_ON", t["observability"], apps["log-shipping"])
    return t


# business service: (cmdb key, name, criticality, tags, depends on)
BUSINESS = [
    ("online-shop", "Online Shop", 1, ["customer-facing", "revenue"],
     ["storefront", "catalog-api", "search-api", "cart-api", "checkout-api", "payments-api", "edge:lb", "edge:ingress",
      "cloud:cdn", "svc:dns"]),
    ("customer-accounts", "Customer Accounts", 2, ["customer-facing", "gdpr"],
     ["accounts-api", "svc:sso", "notifications"]),
    ("order-fulfilment", "Order Fulfilment", 1, ["revenue"],
     ["order-service", "inventory-api", "shipping-service", "admin-backoffice", "svc:carrier-integration"]),
    ("customer-service", "Customer Service Desk", 3, [], ["admin-backoffice", "notifications", "svc:sso"]),
    ("marketing-site", "Marketing Site", 3, ["customer-facing"], ["marketing-cms", "cloud:cdn", "svc:dns"]),
    ("internal-reporting", "Internal Reporting", 3, ["internal"], ["reporting-etl", "reporting-portal"]),
    ("payroll", "Payroll", 2, ["internal", "gdpr"], ["payroll", "svc:sso"]),
]


# agreed maintenance windows (docs/change-risk.md): weekday nights for the shop and fulfilment, weekends for payroll
MAINTENANCE_WINDOWS = {
    "online-shop": "Mon-Thu 22:00-05:00 Europe/London",
    "order-fulfilment": "Mon-Fri 21:00-05:00 Europe/London",
    "payroll": "Sat,Sun 06:00-18:00 Europe/London",
}


def _services(e, infra, apps, data, edge):
    owners = {"online-shop": "ecom", "customer-accounts": "identity", "order-fulfilment": "fulfil",
              "customer-service": "fulfil", "marketing-site": "marketing", "internal-reporting": "data",
              "payroll": "finance"}
    for key, name, criticality, tags, needs in BUSINESS:
        attributes = {"tier": criticality}
        if key in MAINTENANCE_WINDOWS:
            attributes["maintenanceWindow"] = MAINTENANCE_WINDOWS[key]
        bs = e.ci("BusinessService", name, {"cmdb.key": "business/" + key}, criticality=criticality, tags=tags,
                  attributes=attributes, **team(owners[key]))
        for need in needs:
            kind, _, target = need.rpartition(":")
            handle = {"": apps, "svc": data["technical"], "edge": edge,
                      "cloud": {"cdn": infra.cdn}}[kind].get(target if kind else need)
            e.rel("DEPENDS_ON", bs, handle)
