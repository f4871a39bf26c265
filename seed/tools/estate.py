# Helpers for generate_demo_estate.py: collects CIs and relationships and checks them against seed/model.json.
# Python 3 standard library only.
import json
import random
import uuid


class Handle:
    """A CI in the estate: how relationships refer to it (its identifying identifier) and its class."""

    def __init__(self, ref, cls, name):
        self.ref = ref
        self.cls = cls
        self.name = name


class Estate:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.cis = []
        self.relationships = []
        self._identifiers = {}

    # --- identifiers -------------------------------------------------------------------------------------------
    def uuid4(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def vm_uuid(self):
        # vSphere BIOS UUIDs start with 42.
        return "42" + self.uuid4()[2:]

    def serial(self, prefix, length=10):
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        return prefix + "".join(self.rng.choice(alphabet) for _ in range(length - len(prefix)))

    def k8s_suffix(self, length):
        alphabet = "bcdfghjklmnpqrstvwxz2456789"
        return "".join(self.rng.choice(alphabet) for _ in range(length))

    def pick(self, items):
        return self.rng.choice(items)

    # --- records -----------------------------------------------------------------------------------------------
    def ci(self, cls, name, identifiers, *, env="production", criticality=None, owner=None, support=None,
           tags=None, attributes=None, status=None, min_healthy=None):
        entry = {"class": cls, "name": name}
        if status is not None:
            entry["status"] = status
        if env is not None:
            entry["environment"] = env
        if criticality is not None:
            entry["criticality"] = criticality
        if owner is not None:
            entry["owner"] = owner
        if support is not None:
            entry["supportGroup"] = support
        if tags:
            entry["tags"] = sorted(tags)
        if attributes:
            entry["attributes"] = attributes
        entry["identifiers"] = identifiers
        if min_healthy is not None:
            entry["minHealthy"] = min_healthy
        path = "cis[%d]" % len(self.cis)
        for scheme, value in identifiers.items():
            if (scheme, value) in self._identifiers:
                raise SystemExit("%s repeats identifier %s=%s of %s" % (path, scheme, value, self._identifiers[(scheme, value)]))
            self._identifiers[(scheme, value)] = path
        self.cis.append(entry)
        scheme, value = next(iter(identifiers.items()))
        return Handle({scheme: value}, cls, name)

    def rel(self, rel_type, source, target, attributes=None):
        entry = {"type": rel_type, "source": dict(source.ref), "target": dict(target.ref)}
        if attributes:
            entry["attributes"] = attributes
        self.relationships.append((entry, source.cls, target.cls))

    def document(self, comment):
        return {
            "$comment": comment,
            "cis": self.cis,
            "relationships": [r for r, _, _ in self.relationships],
        }


def check_against_model(estate, model_path):
    """Fails when a CI or relationship would be refused by the model (the store checks the same on import)."""
    with open(model_path, encoding="utf-8") as f:
        model = json.load(f)
    classes = {c["name"]: c for c in model["classes"]}

    def ancestry(name):
        chain = []
        while name is not None:
            chain.append(name)
            name = classes[name].get("extends")
        return chain

    def required(name):
        return [a for c in ancestry(name) for a in classes[c].get("requiredAttributes", [])]

    def admits(allowed, cls):
        return not allowed or any(a in ancestry(cls) for a in allowed)

    for i, ci in enumerate(estate.cis):
        cls = ci["class"]
        if cls not in classes or classes[cls].get("abstract"):
            raise SystemExit("cis[%d]: class %s is unknown or abstract" % (i, cls))
        for attribute in required(cls):
            if attribute not in ci.get("attributes", {}):
                raise SystemExit("cis[%d]: a %s needs attribute %s" % (i, cls, attribute))
        if "RedundancyGroup" in ancestry(cls) and "minHealthy" not in ci:
            raise SystemExit("cis[%d]: redundancy group %s lacks minHealthy" % (i, ci["name"]))
    types = {t["name"]: t for t in model["relationshipTypes"]}
    seen = set()
    for i, (r, source_cls, target_cls) in enumerate(estate.relationships):
        t = types[r["type"]]
        if not admits(t.get("sources", []), source_cls) or not admits(t.get("targets", []), target_cls):
            raise SystemExit("relationships[%d]: %s not allowed from %s to %s" % (i, r["type"], source_cls, target_cls))
        key = json.dumps([r["type"], r["source"], r["target"]], sort_keys=True)
        if key in seen:
            raise SystemExit("relationships[%d] repeats %s" % (i, key))
        seen.add(key)


# Owner (accountable team) and support group (who is paged) per team.
TEAMS = {
    "ecom": ("E-commerce Engineering", "ecommerce-oncall"),
    "payments": ("Payments Team", "payments-oncall"),
    "fulfil": ("Fulfilment Engineering", "fulfilment-support"),
    "identity": ("Identity & Access", "iam-support"),
    "platform": ("Platform Engineering", "platform-oncall"),
    "data": ("Data & Analytics", "data-support"),
    "dba": ("Database Administration", "dba-oncall"),
    "infra": ("Infrastructure", "infra-oncall"),
    "network": ("Network Operations", "netops"),
    "marketing": ("Marketing Technology", "marketing-web"),
    "finance": ("Finance IT", "finance-it-support"),
}


def team(key):
    owner, support = TEAMS[key]
    return {"owner": owner, "support": support}
