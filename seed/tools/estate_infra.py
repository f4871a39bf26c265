# Physical and virtual infrastructure of the demo estate: locations, network, storage, hypervisors, VMs, cloud.
from estate import team

PROD = "prod.fra1.acme.internal"
STG = "stg.fra1.acme.internal"
AWS_ACCOUNT = "491285733012"


class Infra:
    pass


def build_infrastructure(e):
    i = Infra()
    _locations(e, i)
    _network(e, i)
    _storage(e, i)
    _hypervisors(e, i)
    _cloud(e, i)
    i.vm = lambda *a, **k: _vm(e, i, *a, **k)
    i.cluster = lambda name, key, members, min_healthy, owner, criticality=1, env="production", description=None: \
        _group(e, "Cluster", name, key, members, min_healthy, owner, criticality, env, description)
    return i


def _group(e, cls, name, key, members, min_healthy, owner, criticality, env, description):
    attributes = {"description": description} if description else None
    group = e.ci(cls, name, {"cmdb.key": key}, env=env, criticality=criticality, min_healthy=min_healthy,
                 attributes=attributes, **team(owner))
    for member in members:
        e.rel("MEMBER_OF", member, group)
    return group


def _locations(e, i):
    net = team("infra")
    i.dc = e.ci("Location", "Frankfurt data centre (FRA1)", {"cmdb.key": "location/fra1"}, criticality=1,
                attributes={"kind": "datacenter", "city": "Frankfurt am Main", "provider": "Equinix FR5"}, **net)
    i.cage = e.ci("Location", "FRA1 cage 2", {"cmdb.key": "location/fra1/cage-2"}, criticality=1,
                  attributes={"kind": "cage"}, **net)
    e.rel("CONTAINS", i.dc, i.cage)
    i.racks = []
    for n in range(1, 5):
        rack = e.ci("Location", "FRA1 rack R0%d" % n, {"cmdb.key": "location/fra1/cage-2/r0%d" % n}, criticality=1,
                    attributes={"kind": "rack", "units": 42, "powerFeeds": 2}, **net)
        e.rel("CONTAINS", i.cage, rack)
        i.racks.append(rack)
    i.region = e.ci("Location", "AWS eu-central-1", {"cmdb.key": "location/aws/eu-central-1"}, criticality=1,
                    attributes={"kind": "cloud-region", "provider": "aws"}, **team("platform"))


def _device(e, i, cls, name, rack, vendor, model, firmware, mgmt_ip, tags):
    device = e.ci(cls, name, {"serial": e.serial("JN" if vendor == "Juniper" else "SN"), "mgmt.ip": mgmt_ip},
                  criticality=1, tags=tags, attributes={"vendor": vendor, "model": model, "firmware": firmware},
                  **team("network"))
    e.rel("LOCATED_IN", device, i.racks[rack])
    return device


def _network(e, i):
    routers = [_device(e, i, "Router", "rtr-edge-0%d" % n, n - 1, "Juniper", "MX204", "22.4R3", "10.0.0.%d" % n, ["edge"])
               for n in (1, 2)]
    i.edge_routers = i_cluster(e, "Edge routers FRA1", "cluster/edge-routers", routers, 1, "network")
    firewalls = [_device(e, i, "Firewall", "fw-edge-0%d" % n, n - 1, "Palo Alto Networks", "PA-3220", "10.2.9",
                         "10.0.0.%d" % (10 + n), ["edge", "pci"]) for n in (1, 2)]
    i.firewalls = i_cluster(e, "Edge firewall HA pair", "cluster/edge-firewalls", firewalls, 1, "network")
    for fw in firewalls:
        e.rel("DEPENDS_ON", fw, i.edge_routers)
    cores = [_device(e, i, "Switch", "core-sw-0%d" % n, n - 1, "Arista", "7280R3", "4.31.2F", "10.0.0.%d" % (20 + n),
                     ["core"]) for n in (1, 2)]
    i.core = i_cluster(e, "Core network FRA1", "cluster/core-network", cores, 1, "network")
    for core in cores:
        e.rel("DEPENDS_ON", core, i.firewalls)
    i.tors = []
    for n in range(1, 5):
        tor = _device(e, i, "Switch", "tor-r0%d" % n, n - 1, "Arista", "7050SX3", "4.31.2F", "10.0.1.%d" % n, ["tor"])
        e.rel("DEPENDS_ON", tor, i.core)
        i.tors.append(tor)


def i_cluster(e, name, key, members, min_healthy, owner):
    return _group(e, "Cluster", name, key, members, min_healthy, owner, 1, "production", None)


def _storage(e, i):
    arrays = [("san-01", "NetApp", "AFF A400", 0), ("san-02", "Pure Storage", "FlashArray//X20", 2)]
    i.arrays = []
    for name, vendor, model, rack in arrays:
        array = e.ci("StorageArray", name, {"serial": e.serial("SA", 12)}, criticality=1,
                     attributes={"vendor": vendor, "model": model, "capacityTb": 120}, **team("infra"))
        e.rel("LOCATED_IN", array, i.racks[rack])
        e.rel("CONNECTS_TO", array, i.tors[rack])
        i.arrays.append(array)
    i.datastores = []
    for n in range(1, 9):
        array = i.arrays[0] if n <= 6 else i.arrays[1]
        ds = e.ci("StorageVolume", "ds-prod-0%d" % n, {"volume.id": "naa.600a0980%s" % e.uuid4().replace("-", "")[:24]},
                  criticality=1, attributes={"kind": "vmfs", "sizeGb": 8192}, **team("infra"))
        e.rel("HOSTED_ON", ds, array)
        i.datastores.append(ds)
    i.staging_datastore = e.ci("StorageVolume", "ds-stg-01",
                               {"volume.id": "naa.624a9370%s" % e.uuid4().replace("-", "")[:24]}, env="staging",
                               criticality=4, attributes={"kind": "vmfs", "sizeGb": 4096}, **team("infra"))
    e.rel("HOSTED_ON", i.staging_datastore, i.arrays[1])
    i._next_datastore = 0


def _hypervisors(e, i):
    hosts = []
    for n in range(1, 6):
        name = "esx-0%d" % n
        host = e.ci("Hypervisor", name, {"serial": e.serial("J", 7), "fqdn": "%s.%s" % (name, PROD)},
                    status="maintenance" if n == 5 else None, criticality=1,
                    attributes={"os": "VMware ESXi 8.0U2", "cpu": 64, "memoryGb": 768, "vendor": "Dell",
                                "model": "PowerEdge R750"}, **team("infra"))
        rack = (n - 1) % 4
        e.rel("LOCATED_IN", host, i.racks[rack])
        e.rel("CONNECTS_TO", host, i.tors[rack])
        for array in i.arrays:
            e.rel("USES_STORAGE", host, array)
        hosts.append(host)
    i.hypervisors = hosts
    i.vsphere = _group(e, "Cluster", "vSphere cluster FRA1-PROD", "cluster/vsphere-fra1-prod", hosts, 3, "infra", 1,
                       "production", "vSphere HA cluster; N+1 capacity with one host in maintenance")
    e.rel("LOCATED_IN", i.vsphere, i.dc)
    # Veeam copies every VM image nightly to a repository on the second array.
    i.backup_repository = e.ci("StorageVolume", "Veeam backup repository",
                               {"volume.id": "naa.624a9370%s" % e.uuid4().replace("-", "")[:24]}, criticality=2,
                               attributes={"kind": "backup-repository", "sizeGb": 65536, "retentionDays": 30},
                               **team("infra"))
    e.rel("HOSTED_ON", i.backup_repository, i.arrays[1])


def _vm(e, i, name, owner, *, cpu, memory, os="Ubuntu 22.04 LTS", env="production", criticality=2, tags=None,
        status=None, host=None, attributes=None):
    domain = PROD if env == "production" else STG
    attrs = {"os": os, "cpu": cpu, "memoryGb": memory}
    attrs.update(attributes or {})
    vm = e.ci("VirtualMachine", name, {"vm.uuid": e.vm_uuid(), "fqdn": "%s.%s" % (name, domain)}, env=env,
              criticality=criticality, tags=tags, attributes=attrs, status=status, **team(owner))
    e.rel("HOSTED_ON", vm, host if host is not None else i.vsphere)
    if env == "production":
        ds = i.datastores[i._next_datastore % len(i.datastores)]
        i._next_datastore += 1
    else:
        ds = i.staging_datastore
    e.rel("USES_STORAGE", vm, ds)
    if env == "production" and status != "retired":
        e.rel("BACKS_UP", i.backup_repository, vm)
    return vm


def _cloud(e, i):
    def resource(name, cloud_id, kind, owner, criticality, located=True, tags=None, attributes=None):
        attrs = {"provider": "aws", "kind": kind, "account": AWS_ACCOUNT}
        attrs.update(attributes or {})
        r = e.ci("CloudResource", name, {"cloud.id": cloud_id}, criticality=criticality, tags=tags, attributes=attrs,
                 **team(owner))
        if located:
            e.rel("LOCATED_IN", r, i.region)
        return r

    i.bucket_images = resource("s3 acme-product-images", "arn:aws:s3:::acme-product-images", "s3-bucket", "ecom", 2)
    i.bucket_assets = resource("s3 acme-static-assets", "arn:aws:s3:::acme-static-assets", "s3-bucket", "ecom", 2)
    i.bucket_backups = resource("s3 acme-db-backups", "arn:aws:s3:::acme-db-backups", "s3-bucket", "dba", 2,
                                tags=["backup", "gdpr"], attributes={"versioning": True, "objectLock": "compliance"})
    i.bucket_exports = resource("s3 acme-reporting-exports", "arn:aws:s3:::acme-reporting-exports", "s3-bucket",
                                "data", 3, tags=["gdpr"])
    i.cdn = resource("CloudFront www.acme-outfitters.com",
                     "arn:aws:cloudfront::%s:distribution/E2Q8XK5H1MZ7QA" % AWS_ACCOUNT, "cdn-distribution", "platform",
                     1, located=False, tags=["customer-facing"], attributes={"aliases": ["www.acme-outfitters.com",
                                                                                        "static.acme-outfitters.com"]})
    e.rel("USES_STORAGE", i.cdn, i.bucket_assets)
    e.rel("USES_STORAGE", i.cdn, i.bucket_images)
    i.dns_zone = resource("DNS zone acme-outfitters.com", "arn:aws:route53:::hostedzone/Z03118422M1X4PBWK7QJ",
                          "route53-hosted-zone", "platform", 1, located=False, tags=["customer-facing"])
    i.ses = resource("Amazon SES eu-central-1", "arn:aws:ses:eu-central-1:%s:identity/acme-outfitters.com" % AWS_ACCOUNT,
                     "ses-identity", "platform", 2)
