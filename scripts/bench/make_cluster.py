#!/usr/bin/env python3
"""Generate a synthetic Kubernetes cluster for the diagnose benchmark.

Every object is a deep copy of a real object captured from a v1.36 API server
(Tests/Fixtures/k8s-v1.36), renamed and re-timed; nothing is typed from memory
except the few modifications listed below, each marked "derived" in the code:

  * Namespace objects (no Namespace was captured; minimal standard shape),
  * unschedulable pods (a captured Running pod turned Pending, PodScheduled=False),
  * readiness-probe failures (the captured `frontend` pod with its probe path
    changed and Ready=False) and their kubelet `Unhealthy` events (copied from
    the captured kubelet BackOff event).

Layout written to OUT:
  resources/<group>_<version>_<resource>.ndjson   one compact JSON item per line,
                                                  sorted like etcd (namespace, name)
  logs.json      {"texts": {id: text}, "containers": {"ns/pod/container": [current_id|null,
                   previous_id|null, waiting_message|null]}}
  manifest.json  what was generated (counts, sizes, broken workloads and their category)

Same --seed and --now give byte-identical output.
"""

import argparse
import copy
import datetime as dt
import json
import os
import random
import re
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_FIXTURES = os.path.join(REPO, "Tests", "Fixtures", "k8s-v1.36")

# name-generation alphabet used by Kubernetes (k8s.io/apimachinery/pkg/util/rand)
ALNUM = "bcdfghjklmnpqrstvwxz2456789"

NS_WORDS = [
    "payments", "checkout", "search", "identity", "billing", "catalog", "shipping", "ledger",
    "media", "growth", "ads", "fraud", "support", "mobile", "platform", "data", "ml", "edge",
    "reports", "inventory", "pricing", "loyalty", "social", "mail", "partners",
]
NS_SUFFIXES = ["prod", "staging", "dev", "qa"]
APP_WORDS = [
    "api", "worker", "frontend", "gateway", "auth", "cache", "indexer", "scheduler", "notifier",
    "importer", "exporter", "renderer", "resizer", "router", "ingestor", "aggregator", "webhook",
    "reconciler", "mailer", "thumbnailer", "uploader", "downloader", "validator", "enricher",
    "collector", "dispatcher", "planner", "tracker", "matcher", "scorer", "ranker", "sync",
    "backfill", "compactor", "janitor", "proxy", "admin", "console", "portal", "bff",
]

TS_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?Z")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def die(msg):
    sys.stderr.write("make_cluster: %s\n" % msg)
    sys.exit(2)


def parse_ts(s):
    m = TS_RE.fullmatch(s)
    if not m:
        raise ValueError(s)
    y, mo, d, h, mi, se, frac = m.groups()
    t = dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(se), tzinfo=dt.timezone.utc)
    if frac:
        t += dt.timedelta(microseconds=int(round(float(frac) * 1e6)))
    return t


def fmt_ts(t, frac_digits):
    base = t.strftime("%Y-%m-%dT%H:%M:%S")
    if frac_digits:
        base += ("%.6f" % (t.microsecond / 1e6))[1:2 + frac_digits]
    return base + "Z"


class Rng(random.Random):
    def uid(self):
        return str(uuid.UUID(int=self.getrandbits(128), version=4))

    def alnum(self, n):
        return "".join(self.choice(ALNUM) for _ in range(n))

    def hexs(self, n):
        return "".join(self.choice("0123456789abcdef") for _ in range(n))


class Cloner:
    """Deep copy through JSON text: rename tokens everywhere (metadata, managedFields keys,
    last-applied annotations, event messages) and shift every RFC 3339 timestamp."""

    def __init__(self):
        self._ts_cache = {}

    def clone(self, obj, mapping, delta):
        text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
        if mapping:
            keys = sorted(mapping, key=len, reverse=True)
            pat = re.compile(r"(?<![A-Za-z0-9])(?:%s)(?![A-Za-z0-9])" % "|".join(re.escape(k) for k in keys))
            text = pat.sub(lambda m: mapping[m.group(0)], text)
        if delta:
            text = TS_RE.sub(lambda m: self._shift(m.group(0), delta), text)
        return json.loads(text)

    def _shift(self, s, delta):
        key = (s, delta)
        r = self._ts_cache.get(key)
        if r is None:
            frac = TS_RE.fullmatch(s).group(7)
            r = fmt_ts(parse_ts(s) + delta, len(frac) - 1 if frac else 0)
            if len(self._ts_cache) > 200000:
                self._ts_cache.clear()
            self._ts_cache[key] = r
        return r


def load_items(fixtures, rel):
    path = os.path.join(fixtures, rel)
    with open(path) as f:
        return json.load(f)["items"] or []


def strip_dump_log(text):
    lines = [l for l in text.splitlines() if not l.startswith("==== ")]
    return "\n".join(lines) + ("\n" if lines else "")


class Templates:
    """One captured Deployment with its ReplicaSet, first pod, Service, EndpointSlice,
    events and logs."""

    def __init__(self, fixtures):
        self.fx = fixtures
        self.pods, self.deploys, self.rss, self.svcs, self.eps, self.events = {}, {}, {}, {}, {}, {}
        for ns in ("shop", "agentic-demo", "mcp-failover-clean"):
            self.pods[ns] = load_items(fixtures, "api-paths/api/v1/namespaces/%s/pods.json" % ns)
            self.deploys[ns] = load_items(fixtures, "api-paths/apis/apps/v1/namespaces/%s/deployments.json" % ns)
            self.rss[ns] = load_items(fixtures, "api-paths/apis/apps/v1/namespaces/%s/replicasets.json" % ns)
            self.svcs[ns] = load_items(fixtures, "api-paths/api/v1/namespaces/%s/services.json" % ns)
            self.eps[ns] = load_items(fixtures, "api-paths/apis/discovery.k8s.io/v1/namespaces/%s/endpointslices.json" % ns)
            self.events[ns] = load_items(fixtures, "api-paths/api/v1/namespaces/%s/events.json" % ns)
        self.nodes = load_items(fixtures, "api-paths/api/v1/nodes.json")
        with open(os.path.join(fixtures, "errors", "400-log-container-waiting.txt")) as f:
            self.status400 = json.loads(f.read().rsplit("}", 1)[0] + "}")

    def group(self, ns, name):
        d = next(x for x in self.deploys[ns] if x["metadata"]["name"] == name)
        duid = d["metadata"]["uid"]
        rs = [x for x in self.rss[ns] if any(o["uid"] == duid for o in x["metadata"].get("ownerReferences", []))]
        rs.sort(key=lambda x: int(x["metadata"]["annotations"]["deployment.kubernetes.io/revision"]))
        rs = rs[-1]
        rsuid = rs["metadata"]["uid"]
        pods = [p for p in self.pods[ns] if any(o["uid"] == rsuid for o in p["metadata"].get("ownerReferences", []))]
        pods.sort(key=lambda p: p["metadata"]["name"])
        pod = pods[0]
        svc = next((s for s in self.svcs[ns] if s["metadata"]["name"] == name), None)
        eps = None
        if svc is not None:
            eps = next((e for e in self.eps[ns] if e["metadata"].get("labels", {}).get("kubernetes.io/service-name") == name), None)
        pname = pod["metadata"]["name"]
        pod_events = [e for e in self.events[ns] if e["involvedObject"]["name"] == pname]
        rs_events = [e for e in self.events[ns] if e["involvedObject"]["name"] == rs["metadata"]["name"]
                     and e["reason"] == "SuccessfulCreate" and e["message"].endswith(pname)]
        d_events = [e for e in self.events[ns] if e["involvedObject"]["kind"] == "Deployment"
                    and e["involvedObject"]["name"] == name and e["reason"] == "ScalingReplicaSet"][:1]
        logs = {}
        for c in pod["spec"]["containers"]:
            cname = c["name"]
            base = os.path.join(self.fx, "logs", "%s_%s_%s" % (ns, pname, cname))
            cur = prev = None
            if os.path.exists(base + ".log"):
                with open(base + ".log") as f:
                    cur = f.read()
                with open(base + ".previous.log") as f:
                    prev = f.read()
            else:
                dump = os.path.join(self.fx, "cluster-info-dump", ns, pname, "logs.txt")
                if os.path.exists(dump):
                    with open(dump) as f:
                        cur = strip_dump_log(f.read())
            logs[cname] = (cur, prev)
        return {
            "ns": ns, "name": name, "deploy": d, "rs": rs, "pod": pod, "svc": svc, "eps": eps,
            "pod_events": pod_events, "rs_events": rs_events, "d_events": d_events, "logs": logs,
            "hash": rs["metadata"]["labels"]["pod-template-hash"],
            "t0": parse_ts(d["metadata"]["creationTimestamp"]),
        }


def event_suffix_ns(name):
    return int(name.rsplit(".", 1)[1], 16)


class Generator:
    def __init__(self, args):
        self.a = args
        self.rng = Rng(args.seed)
        self.tpl = Templates(args.fixtures)
        self.cl = Cloner()
        self.now = parse_ts(args.now)
        self.rv = 1000
        self.out = {k: [] for k in ("pods", "deployments", "replicasets", "services", "endpointslices",
                                     "events", "nodes", "namespaces")}
        self.texts = {}
        self.containers = {}
        self.broken = []
        self.node_ip_count = []
        self.spill = 0
        self.used_cluster_ips = set()
        g = self.tpl.group
        self.healthy = [g("shop", "frontend"), g("shop", "cart"), g("shop", "catalog")]
        self.crash_env = g("agentic-demo", "mysql-client")
        self.crash_oom = g("agentic-demo", "memory-hungry")
        self.img_tag = g("agentic-demo", "web-server")
        self.img_repo = g("agentic-demo", "alpine-app")
        self.frontend = self.healthy[0]
        self.cart = self.healthy[1]
        # empty EndpointSlice shape (service selecting no pod with an IP): captured web-green slice
        self.empty_eps = next(e for e in self.tpl.eps["mcp-failover-clean"] if e["endpoints"] is None)
        # kubelet Warning event shape (captured BackOff) for derived Unhealthy events
        self.warn_event = next(e for e in self.crash_oom["pod_events"] if e["type"] == "Warning")

    # ---------- helpers ----------
    def next_rv(self):
        self.rv += 1
        return str(self.rv)

    def new_ip(self, node_index):
        """Next address of the node's pod CIDR (10.244+i/256 . i%256 . 0/24); spills into
        10.128.0.0/10 when a node has more pods than its /24 holds."""
        c = self.node_ip_count[node_index]
        self.node_ip_count[node_index] = c + 1
        if c < 253:
            return "10.%d.%d.%d" % (244 + node_index // 256, node_index % 256, c + 2)
        self.spill += 1
        s = self.spill
        return "10.%d.%d.%d" % (128 + (s >> 16) % 64, (s >> 8) & 255, s & 255)

    def new_cluster_ip(self):
        while True:
            ip = "10.96.%d.%d" % (self.rng.randint(0, 255), self.rng.randint(1, 254))
            if ip not in self.used_cluster_ips:
                self.used_cluster_ips.add(ip)
                return ip

    def add_text(self, text):
        if text is None:
            return None
        key = "t%d" % len(self.texts)
        self.texts[key] = text
        return key

    # ---------- nodes ----------
    def make_nodes(self):
        tpl = self.tpl.nodes[0]
        n = self.a.nodes
        self.node_names, self.node_ips = [], []
        delta = (self.now - dt.timedelta(seconds=20)) - parse_ts(tpl["status"]["conditions"][0]["lastHeartbeatTime"])
        for i in range(n):
            name = "node-%03d" % (i + 1)
            ip = "10.240.%d.%d" % (i // 250, i % 250 + 2)
            m = {
                "node-1": name, tpl["metadata"]["uid"]: self.rng.uid(), "127.0.0.1": ip,
                "10.244.0.0/16": "10.%d.%d.0/24" % (244 + i // 256, i % 256),
                tpl["status"]["nodeInfo"]["machineID"]: self.rng.hexs(32),
                tpl["status"]["nodeInfo"]["systemUUID"]: self.rng.uid(),
                tpl["status"]["nodeInfo"]["bootID"]: self.rng.uid(),
            }
            node = self.cl.clone(tpl, m, delta)
            node["metadata"]["resourceVersion"] = self.next_rv()
            for k in ("capacity", "allocatable"):
                node["status"][k]["pods"] = "110"
            if i >= 3:  # workers: drop the control-plane role labels (and their managedFields entries)
                for lbl in ("node-role.kubernetes.io/control-plane", "node.kubernetes.io/exclude-from-external-load-balancers"):
                    node["metadata"]["labels"].pop(lbl, None)
                    for mf in node["metadata"]["managedFields"]:
                        mf["fieldsV1"].get("f:metadata", {}).get("f:labels", {}).pop("f:" + lbl, None)
            self.out["nodes"].append(node)
            self.node_names.append(name)
            self.node_ips.append(ip)
            self.node_ip_count.append(0)

    # ---------- namespaces (derived: no Namespace object was captured) ----------
    def make_namespace(self, name, created):
        ts = fmt_ts(created, 0)
        self.out["namespaces"].append({
            "metadata": {
                "name": name, "uid": self.rng.uid(), "resourceVersion": self.next_rv(),
                "creationTimestamp": ts,
                "labels": {"kubernetes.io/metadata.name": name},
                "managedFields": [{
                    "manager": "kubectl-create", "operation": "Update", "apiVersion": "v1", "time": ts,
                    "fieldsType": "FieldsV1",
                    "fieldsV1": {"f:metadata": {"f:labels": {".": {}, "f:kubernetes.io/metadata.name": {}}}},
                }],
            },
            "spec": {"finalizers": ["kubernetes"]},
            "status": {"phase": "Active"},
        })

    # ---------- one deployment ----------
    def make_deployment(self, ns, name, kind, replicas, anchor):
        """kind: healthy | crash-env | crash-oom | image-tag | image-repo | unschedulable | readiness"""
        if kind == "healthy":
            g = self.rng.choice(self.healthy)
        elif kind == "unschedulable":
            g = self.cart
        elif kind == "readiness":
            g = self.frontend
        else:
            g = {"crash-env": self.crash_env, "crash-oom": self.crash_oom,
                 "image-tag": self.img_tag, "image-repo": self.img_repo}[kind]
        delta = anchor - g["t0"]
        d_t, rs_t, pod_t = g["deploy"], g["rs"], g["pod"]
        new_hash = self.rng.alnum(10)
        rs_name = "%s-%s" % (name, new_hash)
        base_map = {
            g["name"]: name, g["ns"]: ns, g["hash"]: new_hash,
            rs_t["metadata"]["name"]: rs_name,
            d_t["metadata"]["uid"]: self.rng.uid(), rs_t["metadata"]["uid"]: self.rng.uid(),
        }
        svc_t, eps_t = g["svc"], g["eps"]
        if svc_t is not None:
            base_map[svc_t["metadata"]["uid"]] = self.rng.uid()
            base_map[svc_t["spec"]["clusterIP"]] = self.new_cluster_ip()
            base_map[eps_t["metadata"]["uid"]] = self.rng.uid()
            base_map[eps_t["metadata"]["name"]] = "%s-%s" % (name, self.rng.alnum(5))
        broken = kind != "healthy"
        ready = not broken

        # Deployment
        dep = self.cl.clone(d_t, base_map, delta)
        dep["metadata"]["resourceVersion"] = self.next_rv()
        dep["spec"]["replicas"] = replicas
        if broken and kind in ("unschedulable", "readiness"):
            # derived: status of a captured never-available Deployment (alpine-app), renamed
            st = self.cl.clone(self.img_repo["deploy"]["status"],
                               {self.img_repo["rs"]["metadata"]["name"]: rs_name}, anchor - self.img_repo["t0"])
            dep["status"] = st
        st = dep["status"]
        st["replicas"] = st["updatedReplicas"] = replicas
        if ready:
            st["readyReplicas"] = st["availableReplicas"] = replicas
        else:
            st["unavailableReplicas"] = replicas
        self._patch_last_applied(dep, lambda la: la["spec"].__setitem__("replicas", replicas))

        # ReplicaSet
        rs = self.cl.clone(rs_t, base_map, delta)
        rs["metadata"]["resourceVersion"] = self.next_rv()
        rs["metadata"]["annotations"]["deployment.kubernetes.io/desired-replicas"] = str(replicas)
        rs["metadata"]["annotations"]["deployment.kubernetes.io/max-replicas"] = str(replicas + (replicas + 3) // 4)
        rs["spec"]["replicas"] = replicas
        rs["status"]["replicas"] = rs["status"]["fullyLabeledReplicas"] = replicas
        if ready:
            rs["status"]["readyReplicas"] = rs["status"]["availableReplicas"] = replicas
        else:
            rs["status"].pop("readyReplicas", None)
            rs["status"].pop("availableReplicas", None)

        cname = pod_t["spec"]["containers"][0]["name"]
        new_cname = base_map.get(cname, cname)
        if kind == "unschedulable":
            for spec in (dep["spec"]["template"]["spec"], rs["spec"]["template"]["spec"]):
                res = spec["containers"][0]["resources"]
                res["requests"]["cpu"] = res["limits"]["cpu"] = "64"
            self._patch_last_applied(dep, lambda la: self._set_cpu(la["spec"]["template"]["spec"]))
        if kind == "readiness":
            for spec in (dep["spec"]["template"]["spec"], rs["spec"]["template"]["spec"]):
                spec["containers"][0]["readinessProbe"]["httpGet"]["path"] = "/does-not-exist"
            self._patch_last_applied(dep, lambda la: la["spec"]["template"]["spec"]["containers"][0]
                                     ["readinessProbe"]["httpGet"].__setitem__("path", "/does-not-exist"))
        self.out["deployments"].append(dep)
        self.out["replicasets"].append(rs)

        # Deployment event
        events = []
        for e in g["d_events"]:
            ev = self._clone_event(e, base_map, delta, dep["metadata"]["resourceVersion"])
            ev["message"] = re.sub(r"to \d+$", "to %d" % replicas, ev["message"])
            events.append(("deploy", ev))

        # Pods
        log_tpl = g["logs"].get(cname, (None, None))
        cur_text, prev_text = log_tpl
        if kind == "readiness" and cur_text:
            cur_text = cur_text.replace('"GET / HTTP/1.1" 200 615', '"GET /does-not-exist HTTP/1.1" 404 153')
        cur_id = prev_id = None
        pods, pod_ips = [], []
        used_sfx = set()
        for i in range(replicas):
            while True:
                sfx = self.rng.alnum(5)
                if sfx not in used_sfx:
                    used_sfx.add(sfx)
                    break
            pname = "%s-%s" % (rs_name, sfx)
            ni = self.rng.randrange(len(self.node_names))
            ip = self.new_ip(ni)
            m = dict(base_map)
            m[pod_t["metadata"]["name"]] = pname
            m[pod_t["metadata"]["uid"]] = self.rng.uid()
            m["node-1"] = self.node_names[ni]
            m["127.0.0.1"] = self.node_ips[ni]
            if pod_t["status"].get("podIP"):
                m[pod_t["status"]["podIP"]] = ip
            for v in pod_t["spec"].get("volumes", []):
                if v["name"].startswith("kube-api-access-"):
                    m[v["name"]] = "kube-api-access-" + self.rng.alnum(5)
            for cs in pod_t["status"].get("containerStatuses", []):
                for cid in (cs.get("containerID"), cs.get("lastState", {}).get("terminated", {}).get("containerID")):
                    if cid:
                        m[cid.split("://", 1)[1]] = self.rng.hexs(64)
            pod = self.cl.clone(pod_t, m, delta)
            pod["metadata"]["resourceVersion"] = self.next_rv()
            if kind == "unschedulable":
                self._make_unschedulable(pod)
            elif kind == "readiness":
                self._make_not_ready(pod)
            self.out["pods"].append(pod)
            pods.append((pod, m))
            if pod["status"].get("podIP"):
                pod_ips.append(pod)
            # logs
            key = "%s/%s/%s" % (ns, pname, new_cname)
            if kind in ("image-tag", "image-repo"):
                msg = self.tpl.status400["message"]
                msg = msg.replace('"web-server"', '"%s"' % new_cname).replace(
                    '"web-server-59c44b768d-tm998"', '"%s"' % pname)
                self.containers[key] = [None, None, msg]
            elif kind == "unschedulable":
                self.containers[key] = ["", None, None]
            else:
                if cur_id is None:
                    ren = lambda t: self.cl.clone(t, {g["name"]: name}, None) if t else t
                    cur_id = self.add_text(ren(cur_text) if cur_text is not None else "")
                    prev_id = self.add_text(ren(prev_text)) if (prev_text and kind.startswith("crash")) else None
                self.containers[key] = [cur_id, prev_id, None]
            # events of this pod
            for e in g["pod_events"]:
                if kind == "unschedulable" and e["reason"] != "Scheduled":
                    continue
                ev = self._clone_event(e, m, delta, pod["metadata"]["resourceVersion"])
                if kind == "unschedulable":
                    self._make_failed_scheduling(ev, e)
                events.append(("pod", ev))
            if kind == "readiness":
                ev = self._clone_event(self.warn_event, {
                    self.crash_oom["pod"]["metadata"]["name"]: pname,
                    self.crash_oom["pod"]["metadata"]["uid"]: pod["metadata"]["uid"],
                    self.crash_oom["name"]: new_cname, self.crash_oom["ns"]: ns,
                    "node-1": pod["spec"]["nodeName"],
                }, anchor - self.crash_oom["t0"], pod["metadata"]["resourceVersion"])
                ev["reason"] = "Unhealthy"
                ev["message"] = "Readiness probe failed: HTTP probe failed with statuscode: 404"
                ev["count"] = 30 + self.rng.randrange(60)
                events.append(("pod", ev))
            for e in g["rs_events"]:
                events.append(("rs", self._clone_event(e, m, delta, rs["metadata"]["resourceVersion"])))

        # Service + EndpointSlice (only where the pod template exposes a port, as in real clusters)
        if svc_t is not None:
            svc = self.cl.clone(svc_t, base_map, delta)
            svc["metadata"]["resourceVersion"] = self.next_rv()
            self.out["services"].append(svc)
            if pod_ips:
                eps = self.cl.clone(eps_t, base_map, delta)
                ep_t = eps_t["endpoints"][0]
                eps["endpoints"] = []
                for pod, m in pods:
                    if not pod["status"].get("podIP"):
                        continue
                    mm = dict(m)
                    mm[ep_t["targetRef"]["name"]] = pod["metadata"]["name"]
                    mm[ep_t["targetRef"]["uid"]] = pod["metadata"]["uid"]
                    mm[ep_t["addresses"][0]] = pod["status"]["podIP"]
                    ep = self.cl.clone(ep_t, mm, None)
                    r = self._pod_ready(pod)
                    ep["conditions"] = {"ready": r, "serving": r, "terminating": False}
                    eps["endpoints"].append(ep)
            else:
                tpl = self.empty_eps
                eps = self.cl.clone(tpl, {
                    tpl["metadata"]["name"]: base_map[eps_t["metadata"]["name"]],
                    tpl["metadata"]["uid"]: base_map[eps_t["metadata"]["uid"]],
                    tpl["metadata"]["ownerReferences"][0]["uid"]: svc["metadata"]["uid"],
                    tpl["metadata"]["ownerReferences"][0]["name"]: name,
                    "mcp-failover-clean": ns,
                }, anchor - parse_ts(tpl["metadata"]["creationTimestamp"]))
                # the controller copies the Service's labels onto its slices: drop the captured
                # Service's (app=web, version=green) and keep ours (the cloned Service's labels)
                own = dict(svc["metadata"].get("labels") or {})
                lbls = eps["metadata"]["labels"]
                for k in list(lbls):
                    if k not in ("endpointslice.kubernetes.io/managed-by", "kubernetes.io/service-name"):
                        del lbls[k]
                        for mf in eps["metadata"]["managedFields"]:
                            mf["fieldsV1"].get("f:metadata", {}).get("f:labels", {}).pop("f:" + k, None)
                lbls.update(own)
                eps["metadata"]["generation"] = 1
            eps["metadata"]["resourceVersion"] = self.next_rv()
            self.out["endpointslices"].append(eps)

        if broken:
            self.broken.append({"namespace": ns, "deployment": name, "category": kind, "replicas": replicas,
                                "service": svc_t is not None})
        return events

    def _pod_ready(self, pod):
        return any(c["type"] == "Ready" and c["status"] == "True" for c in pod["status"].get("conditions", []))

    @staticmethod
    def _set_cpu(spec):
        res = spec["containers"][0]["resources"]
        res["requests"]["cpu"] = res["limits"]["cpu"] = "64"

    @staticmethod
    def _patch_last_applied(obj, fn):
        ann = obj["metadata"].get("annotations", {})
        key = "kubectl.kubernetes.io/last-applied-configuration"
        if key in ann:
            la = json.loads(ann[key])
            fn(la)
            ann[key] = json.dumps(la, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"

    def _make_unschedulable(self, pod):
        """derived: a Pending pod the scheduler could not place (captured pod conditions shape)."""
        spec = pod["spec"]
        spec.pop("nodeName", None)
        res = spec["containers"][0]["resources"]
        res["requests"]["cpu"] = res["limits"]["cpu"] = "64"
        st = pod["status"]
        sched = next(c for c in st["conditions"] if c["type"] == "PodScheduled")
        sched = dict(sched)
        sched["status"] = "False"
        sched["reason"] = "Unschedulable"
        n = len(self.node_names)
        sched["message"] = ("0/%d nodes are available: %d Insufficient cpu. preemption: 0/%d nodes are available: "
                            "%d No preemption victims found for incoming pod." % (n, n, n, n))
        pod["status"] = {"observedGeneration": st.get("observedGeneration", 1), "phase": "Pending",
                         "conditions": [sched], "qosClass": st["qosClass"]}
        mfs = pod["metadata"]["managedFields"]
        status_mf = next(mf for mf in mfs if mf.get("subresource") == "status")
        status_mf["manager"] = "kube-scheduler"
        status_mf["fieldsV1"] = {"f:status": {"f:conditions": {".": {}, 'k:{"type":"PodScheduled"}': {
            ".": {}, "f:lastProbeTime": {}, "f:lastTransitionTime": {}, "f:message": {}, "f:reason": {},
            "f:status": {}, "f:type": {}}}}}

    def _make_failed_scheduling(self, ev, tpl):
        """derived from the captured scheduler `Scheduled` event."""
        n = len(self.node_names)
        ev["reason"] = "FailedScheduling"
        ev["type"] = "Warning"
        ev["action"] = "Scheduling"
        ev["message"] = ("0/%d nodes are available: %d Insufficient cpu. preemption: 0/%d nodes are available: "
                         "%d No preemption victims found for incoming pod." % (n, n, n, n))

    def _make_not_ready(self, pod):
        """derived: the captured frontend pod whose readiness probe keeps failing."""
        c = pod["spec"]["containers"][0]
        c["readinessProbe"]["httpGet"]["path"] = "/does-not-exist"
        msg = "containers with unready status: [%s]" % c["name"]
        for cond in pod["status"]["conditions"]:
            if cond["type"] in ("Ready", "ContainersReady"):
                cond["status"] = "False"
                cond["reason"] = "ContainersNotReady"
                cond["message"] = msg
        for cs in pod["status"]["containerStatuses"]:
            cs["ready"] = False

    def _clone_event(self, e, mapping, delta, involved_rv):
        m = dict(mapping)
        m[e["metadata"]["uid"]] = self.rng.uid()
        ev = self.cl.clone(e, m, delta)
        # event names are "<object>.<hex UnixNano of the first occurrence>"
        obj, _ = ev["metadata"]["name"].rsplit(".", 1)
        t_ns = event_suffix_ns(e["metadata"]["name"]) + int(delta.total_seconds() * 1e9) + self.rng.randrange(1000000)
        ev["metadata"]["name"] = "%s.%x" % (obj, t_ns)
        ev["metadata"]["resourceVersion"] = self.next_rv()
        ev["involvedObject"]["resourceVersion"] = involved_rv
        return ev

    # ---------- whole cluster ----------
    def run(self):
        a = self.a
        rng = self.rng
        self.make_nodes()
        ns_names = []
        for s in NS_SUFFIXES:
            for w in NS_WORDS:
                ns_names.append("%s-%s" % (w, s))
        if a.namespaces > len(ns_names):
            ns_names += ["team-%03d" % i for i in range(a.namespaces - len(ns_names))]
        ns_names = ns_names[:a.namespaces]
        total_deploys = a.namespaces * a.deployments_per_ns
        if total_deploys <= 0 or a.pods < total_deploys:
            die("need at least one pod per deployment (pods=%d, deployments=%d)" % (a.pods, total_deploys))
        base_rep, extra = divmod(a.pods, total_deploys)

        slots = [(ni, di) for ni in range(a.namespaces) for di in range(a.deployments_per_ns)]
        order = list(range(total_deploys))
        rng.shuffle(order)
        n_crash = int(round(total_deploys * a.crash_pct / 100.0))
        n_img = int(round(total_deploys * a.image_pct / 100.0))
        kinds = {}
        idx = 0
        for k, cnt in (("crash-env", (n_crash + 1) // 2), ("crash-oom", n_crash // 2),
                       ("image-tag", (n_img + 1) // 2), ("image-repo", n_img // 2),
                       ("unschedulable", a.unschedulable), ("readiness", a.readiness)):
            for _ in range(cnt):
                if idx < len(order):
                    kinds[order[idx]] = k
                    idx += 1

        all_events = []
        filler = []  # (priority, event) for healthy workloads, trimmed to the budget
        for ni, ns in enumerate(ns_names):
            ns_age = dt.timedelta(days=rng.randint(30, 400))
            self.make_namespace(ns, self.now - ns_age)
            names = rng.sample(APP_WORDS, min(a.deployments_per_ns, len(APP_WORDS)))
            while len(names) < a.deployments_per_ns:
                names.append("%s-%d" % (rng.choice(APP_WORDS), len(names)))
            for di in range(a.deployments_per_ns):
                gi = ni * a.deployments_per_ns + di
                replicas = base_rep + (1 if gi < extra else 0)
                kind = kinds.get(gi, "healthy")
                if kind == "healthy":
                    anchor = self.now - dt.timedelta(seconds=rng.randint(3 * 3600, 20 * 86400))
                else:
                    anchor = self.now - dt.timedelta(seconds=rng.randint(4 * 60, 15 * 60))
                evs = self.make_deployment(ns, names[di], kind, replicas, anchor)
                if kind == "healthy":
                    filler.append(evs)
                else:
                    all_events.extend(ev for _, ev in evs)

        budget = a.events - len(all_events)
        if budget < 0:
            sys.stderr.write("make_cluster: warning: broken workloads alone produce %d events (> --events %d)\n"
                             % (len(all_events), a.events))
        else:
            # round-robin over healthy deployments: their ScalingReplicaSet first, then per-pod groups
            rng.shuffle(filler)
            queues = [list(ev for _, ev in evs) for evs in filler]
            while budget > 0 and any(queues):
                for q in queues:
                    if budget <= 0:
                        break
                    if q:
                        all_events.append(q.pop(0))
                        budget -= 1
        self.out["events"] = all_events

    def write(self, out_dir):
        os.makedirs(os.path.join(out_dir, "resources"), exist_ok=True)
        files = {
            "pods": "core_v1_pods", "events": "core_v1_events", "nodes": "core_v1_nodes",
            "services": "core_v1_services", "namespaces": "core_v1_namespaces",
            "deployments": "apps_v1_deployments", "replicasets": "apps_v1_replicasets",
            "endpointslices": "discovery.k8s.io_v1_endpointslices",
        }
        sizes = {}
        for res, fname in files.items():
            items = self.out[res]
            items.sort(key=lambda o: (o["metadata"].get("namespace", ""), o["metadata"]["name"]))
            total = 0
            with open(os.path.join(out_dir, "resources", fname + ".ndjson"), "w", encoding="utf-8") as f:
                for o in items:
                    line = json.dumps(o, separators=(",", ":"), ensure_ascii=False)
                    total += len(line.encode("utf-8"))
                    f.write(line + "\n")
            sizes[res] = {"count": len(items), "bytes": total,
                          "meanBytes": int(total / len(items)) if items else 0}
        with open(os.path.join(out_dir, "logs.json"), "w", encoding="utf-8") as f:
            json.dump({"texts": self.texts, "containers": self.containers}, f, separators=(",", ":"))
        manifest = {
            "seed": self.a.seed, "now": self.a.now, "resourceVersion": str(self.rv + 1),
            "fixtures": os.path.relpath(self.a.fixtures, REPO) if self.a.fixtures.startswith(REPO) else self.a.fixtures,
            "objects": sizes, "broken": self.broken,
            "brokenByCategory": {k: sum(1 for b in self.broken if b["category"] == k)
                                 for k in sorted({b["category"] for b in self.broken})},
            "logContainersWithPrevious": sum(1 for v in self.containers.values() if v[1]),
        }
        with open(os.path.join(out_dir, "manifest.json"), "w") as f:
            json.dump(manifest, f, indent=2)
            f.write("\n")
        return manifest

    def write_list(self, path):
        """A `kubectl get pods,deploy,rs,svc,endpointslices,events -A -o json` style List."""
        kinds = [("pods", "Pod", "v1"), ("deployments", "Deployment", "apps/v1"),
                 ("replicasets", "ReplicaSet", "apps/v1"), ("services", "Service", "v1"),
                 ("endpointslices", "EndpointSlice", "discovery.k8s.io/v1"), ("events", "Event", "v1")]
        with open(path, "w", encoding="utf-8") as f:
            f.write('{"apiVersion":"v1","items":[')
            first = True
            for res, kind, av in kinds:
                for o in self.out[res]:
                    item = {"apiVersion": av, "kind": kind}
                    item.update(o)
                    f.write(("" if first else ",") + json.dumps(item, separators=(",", ":"), ensure_ascii=False))
                    first = False
            f.write('],"kind":"List","metadata":{"resourceVersion":""}}\n')


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--fixtures", default=DEFAULT_FIXTURES)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--now", default=None, help="RFC 3339 UTC time the cluster is 'observed' at (default: now)")
    p.add_argument("--pods", type=int, default=10000)
    p.add_argument("--namespaces", type=int, default=50)
    p.add_argument("--deployments-per-ns", type=int, default=20)
    p.add_argument("--nodes", type=int, default=100)
    p.add_argument("--events", type=int, default=20000)
    p.add_argument("--crash-pct", type=float, default=2.0, help="%% of deployments crash-looping (half exit 1 + env log, half OOMKilled)")
    p.add_argument("--image-pct", type=float, default=1.0, help="%% of deployments in ImagePullBackOff (half bad tag, half bad repository)")
    p.add_argument("--unschedulable", type=int, default=3, help="deployments requesting 64 CPUs")
    p.add_argument("--readiness", type=int, default=3, help="deployments whose readiness probe returns 404")
    p.add_argument("--list-snapshot", default=None, help="also write a kubectl-get style List JSON file here")
    a = p.parse_args()
    if a.now is None:
        a.now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    a.fixtures = os.path.abspath(a.fixtures)
    if not os.path.isdir(a.fixtures):
        die("fixtures folder not found: %s" % a.fixtures)
    g = Generator(a)
    g.run()
    man = g.write(a.out)
    if a.list_snapshot:
        g.write_list(a.list_snapshot)
    o = man["objects"]
    sys.stderr.write("make_cluster: %d namespaces, %d deployments, %d pods (mean %d B), %d events, %d nodes, "
                     "%d broken deployments %s -> %s\n" % (
                         o["namespaces"]["count"], o["deployments"]["count"], o["pods"]["count"],
                         o["pods"]["meanBytes"], o["events"]["count"], o["nodes"]["count"], len(man["broken"]),
                         json.dumps(man["brokenByCategory"]), a.out))


if __name__ == "__main__":
    main()
