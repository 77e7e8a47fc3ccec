#!/usr/bin/env python3
"""A read-only fake Kubernetes API server for the diagnose benchmark (Python 3 stdlib only).

Serves a cluster written by make_cluster.py over HTTP/1.1 (keep-alive, Content-Length) on a
loopback address, the way a v1.36 kube-apiserver answers reads:

  * LIST (cluster-wide and per namespace) for every resource in its discovery documents,
    empty lists for kinds with no objects; real pagination (limit / continue tokens of the
    apiserver's format / metadata.remainingItemCount / resourceVersion), label and field
    selectors; gzip above 128 KiB when the client accepts it (as the apiserver does);
  * GET of single objects, pod logs (`/api/v1/namespaces/NS/pods/NAME/log?container=C&previous=
    true|false&tailLines=N`, text/plain; waiting containers answer 400 like the real server);
  * /version, /api, /apis (captured documents), /apis/GROUP, /api/v1 and /apis/GROUP/VERSION
    APIResourceLists. Aggregated discovery requests (Accept: ...as=APIGroupDiscoveryList) get the
    legacy documents with Content-Type application/json, so clients fall back to them;
  * WATCH of every list, held open and quiet until its timeoutSeconds (the cluster is static:
    nothing ever changes), as an idle cluster's watch is — for an idle `--watch` benchmark;
  * `Status` JSON errors (shapes from Tests/Fixtures/k8s-v1.36/errors/): 404 for anything
    unknown, 405 for writes, 401 when --token is set and the bearer token differs;
  * protobuf (`Accept: application/vnd.kubernetes.protobuf`) for lists and errors of the kinds
    the narrow schema in proto/ describes, encoded from the same objects through it
    (scripts/proto/narrow_proto.py); other kinds answer JSON, as a real server does for CRDs.
    --json-only answers JSON to everything.

Pages are serialised lazily once per (resource, scope, selectors, limit, start, gzip) and cached.
The bound port is printed on stdout line 1. Stops on SIGTERM/SIGINT or after --lifetime seconds.
"""

import argparse
import base64
import bisect
import datetime as dt
import gzip
import json
import os
import re
import signal
import socket
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "scripts", "proto"))
import narrow_proto  # noqa: E402  (the narrow schema's reader and encoder)

PROTOBUF = "application/vnd.kubernetes.protobuf"
DEFAULT_FIXTURES = os.path.join(REPO, "Tests", "Fixtures", "k8s-v1.36")
GZIP_THRESHOLD = 128 * 1024  # k8s.io/apiserver defaultGzipThresholdBytes


class CostModel:
    """What a LIST costs a real kube-apiserver, as wall time the server waits before answering.

    Calibrated on the v1.24 control plane in ../shared/fixtures/k8s-v1.24/README.md ("Lists at
    scale": 61,636 Events, 20,240 Warnings): a field-selected list unpaged takes 2.0 s (one etcd
    scan), 1.8 s from the watch cache (resourceVersion=0), an unfiltered page of 500 0.07 s.
    From etcd, a page with a selector scans from the continue key until it has filled the page,
    in etcd requests of limit, 2*limit, 4*limit ... (at most 10,000) keys; each limited etcd
    request also counts the keys left in the range (etcd_range per key). The watch cache (v1.24)
    ignores limit and continue: it filters its whole copy in memory and answers in one piece.
    """
    ETCD_MAX_CHUNK = 10000

    # Encoding a list as protobuf instead of JSON: 0.16-0.36 s against 1.4 s for the same 5,037
    # pods on a real v1.24 API server (the live-view issue's measurement), about a fifth.
    PROTOBUF_ENCODE_RATIO = 0.26 / 1.4

    def __init__(self, etcd_scan=30e-6, encode=8e-6, etcd_range=1.7e-6, cache_scan=27e-6):
        self.etcd_scan = etcd_scan      # read, decode and filter one object from etcd
        self.encode = encode            # encode one returned object as JSON
        self.etcd_range = etcd_range    # count one key left in the range (limited requests)
        self.cache_scan = cache_scan    # filter one object of the watch cache

    def encoding(self, protobuf):
        return self.encode * (self.PROTOBUF_ENCODE_RATIO if protobuf else 1.0)

    def from_cache(self, in_range, returned, protobuf=False):
        return self.cache_scan * in_range + self.encoding(protobuf) * returned

    def from_etcd(self, start, end_scanned, range_end, limit, returned, protobuf=False):
        """Keys [start, end_scanned) were examined to fill the page; range_end ends the range."""
        if not limit:
            return self.etcd_scan * (range_end - start) + self.encoding(protobuf) * returned
        cost, pos, chunk = 0.0, start, limit
        while True:
            left = range_end - pos
            take = min(chunk, left)
            cost += self.etcd_range * left + self.etcd_scan * take
            pos += take
            if pos >= end_scanned or pos >= range_end:
                break
            chunk = min(chunk * 2, self.ETCD_MAX_CHUNK)
        return cost + self.encoding(protobuf) * returned

STD_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

# (group, version, plural, singular, Kind, namespaced, shortNames, categories, data file or None)
RESOURCES = [
    ("", "v1", "configmaps", "configmap", "ConfigMap", True, ["cm"], [], None),
    ("", "v1", "events", "event", "Event", True, ["ev"], [], "core_v1_events"),
    ("", "v1", "limitranges", "limitrange", "LimitRange", True, ["limits"], [], None),
    ("", "v1", "namespaces", "namespace", "Namespace", False, ["ns"], [], "core_v1_namespaces"),
    ("", "v1", "nodes", "node", "Node", False, ["no"], [], "core_v1_nodes"),
    ("", "v1", "persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", True, ["pvc"], [], None),
    ("", "v1", "persistentvolumes", "persistentvolume", "PersistentVolume", False, ["pv"], [], None),
    ("", "v1", "pods", "pod", "Pod", True, ["po"], ["all"], "core_v1_pods"),
    ("", "v1", "replicationcontrollers", "replicationcontroller", "ReplicationController", True, ["rc"], ["all"], None),
    ("", "v1", "resourcequotas", "resourcequota", "ResourceQuota", True, ["quota"], [], None),
    ("", "v1", "secrets", "secret", "Secret", True, [], [], None),
    ("", "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", True, ["sa"], [], None),
    ("", "v1", "services", "service", "Service", True, ["svc"], ["all"], "core_v1_services"),
    ("apps", "v1", "controllerrevisions", "controllerrevision", "ControllerRevision", True, [], [], None),
    ("apps", "v1", "daemonsets", "daemonset", "DaemonSet", True, ["ds"], ["all"], None),
    ("apps", "v1", "deployments", "deployment", "Deployment", True, ["deploy"], ["all"], "apps_v1_deployments"),
    ("apps", "v1", "replicasets", "replicaset", "ReplicaSet", True, ["rs"], ["all"], "apps_v1_replicasets"),
    ("apps", "v1", "statefulsets", "statefulset", "StatefulSet", True, ["sts"], ["all"], None),
    ("batch", "v1", "cronjobs", "cronjob", "CronJob", True, ["cj"], ["all"], None),
    ("batch", "v1", "jobs", "job", "Job", True, [], ["all"], None),
    ("autoscaling", "v2", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler", True, ["hpa"], ["all"], None),
    ("autoscaling", "v1", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler", True, ["hpa"], ["all"], None),
    ("networking.k8s.io", "v1", "ingressclasses", "ingressclass", "IngressClass", False, [], [], None),
    ("networking.k8s.io", "v1", "ingresses", "ingress", "Ingress", True, ["ing"], [], None),
    ("networking.k8s.io", "v1", "networkpolicies", "networkpolicy", "NetworkPolicy", True, ["netpol"], [], None),
    ("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", True, ["pdb"], [], None),
    ("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", True, [], [], "discovery.k8s.io_v1_endpointslices"),
    ("events.k8s.io", "v1", "events", "event", "Event", True, ["ev"], [], "core_v1_events"),
    ("coordination.k8s.io", "v1", "leases", "lease", "Lease", True, [], [], None),
    ("storage.k8s.io", "v1", "storageclasses", "storageclass", "StorageClass", False, ["sc"], [], None),
    ("scheduling.k8s.io", "v1", "priorityclasses", "priorityclass", "PriorityClass", False, ["pc"], [], None),
]
SUBRESOURCES = {
    ("", "v1", "pods"): [("log", "Pod", ["get"]), ("status", "Pod", ["get", "patch", "update"])],
    ("apps", "v1", "deployments"): [("scale", "Scale", ["get", "patch", "update"]), ("status", "Deployment", ["get", "patch", "update"])],
    ("apps", "v1", "replicasets"): [("scale", "Scale", ["get", "patch", "update"]), ("status", "ReplicaSet", ["get", "patch", "update"])],
}


def log(msg):
    sys.stderr.write("fake-apiserver: %s\n" % msg)
    sys.stderr.flush()


def dumps(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def status_body(code, reason, message, details=None):
    # key order as the apiserver writes it (see Tests/Fixtures/k8s-v1.36/errors/)
    st = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": message, "reason": reason}
    if details is not None:
        st["details"] = details
    st["code"] = code
    return dumps(st)


def not_found(plural, group, name):
    details = {"name": name}
    if group:
        details["group"] = group
    details["kind"] = plural
    what = plural if not group else "%s.%s" % (plural, group)
    return status_body(404, "NotFound", '%s "%s" not found' % (what, name), details)


def to_events_v1(e):
    """core/v1 Event -> events.k8s.io/v1 Event, field for field as the apiserver converts it
    (checked against the captured pair in Tests/Fixtures/k8s-v1.36/api-paths by --self-check)."""
    out = {"metadata": e["metadata"], "eventTime": e.get("eventTime")}
    if e.get("series"):
        out["series"] = e["series"]
    if e.get("reportingComponent"):  # omitempty
        out["reportingController"] = e["reportingComponent"]
    if e.get("reportingInstance"):
        out["reportingInstance"] = e["reportingInstance"]
    if e.get("action"):
        out["action"] = e["action"]
    out["reason"] = e.get("reason", "")
    out["regarding"] = e["involvedObject"]
    if e.get("related"):
        out["related"] = e["related"]
    out["note"] = e.get("message", "")
    out["type"] = e.get("type", "")
    out["deprecatedSource"] = e.get("source", {})
    out["deprecatedFirstTimestamp"] = e.get("firstTimestamp")
    out["deprecatedLastTimestamp"] = e.get("lastTimestamp")
    if e.get("count"):
        out["deprecatedCount"] = e["count"]
    return out


# ---------------------------------------------------------------- selectors
class SelectorError(Exception):
    pass


def split_terms(s):
    terms, depth, cur = [], 0, ""
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            terms.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        terms.append(cur.strip())
    return terms


def parse_label_selector(s):
    preds = []
    for t in split_terms(s):
        m = re.fullmatch(r"([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)", t)
        if m:
            k, op, vals = m.group(1), m.group(2), {v.strip() for v in m.group(3).split(",") if v.strip()}
            if op == "in":
                preds.append(lambda l, k=k, vals=vals: k in l and l[k] in vals)
            else:
                preds.append(lambda l, k=k, vals=vals: not (k in l and l[k] in vals))
            continue
        m = re.fullmatch(r"([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)", t)
        if m:
            k, op, v = m.groups()
            if op == "!=":
                preds.append(lambda l, k=k, v=v: l.get(k) != v)
            else:
                preds.append(lambda l, k=k, v=v: k in l and l[k] == v)
            continue
        m = re.fullmatch(r"(!?)([\w./-]+)", t)
        if m:
            neg, k = m.groups()
            preds.append((lambda l, k=k: k not in l) if neg else (lambda l, k=k: k in l))
            continue
        raise SelectorError("unable to parse requirement: %r" % t)
    return lambda obj: all(p((obj.get("metadata") or {}).get("labels") or {}) for p in preds)


def parse_field_selector(s):
    preds = []
    for t in split_terms(s):
        m = re.fullmatch(r"([\w.]+)\s*(==|=|!=)\s*(.*)", t)
        if not m:
            raise SelectorError("invalid field selector: %r" % t)
        path, op, v = m.group(1).split("."), m.group(2), m.group(3)

        def get(obj, path=path):
            for p in path:
                if not isinstance(obj, dict):
                    return ""
                obj = obj.get(p)
            if obj is None:
                return ""
            if isinstance(obj, bool):
                return "true" if obj else "false"
            return str(obj)
        if op == "!=":
            preds.append(lambda o, get=get, v=v: get(o) != v)
        else:
            preds.append(lambda o, get=get, v=v: get(o) == v)
    return lambda obj: all(p(obj) for p in preds)


# ---------------------------------------------------------------- data
class Resource:
    def __init__(self, spec):
        (self.group, self.version, self.plural, self.singular, self.kind, self.namespaced,
         self.short, self.categories, self.file) = spec
        self.gv = "%s/%s" % (self.group, self.version) if self.group else self.version
        self.list_prefix = dumps({"kind": self.kind + "List", "apiVersion": self.gv})[:-1]  # without '}'
        self.obj_prefix = dumps({"kind": self.kind, "apiVersion": self.gv})[:-1] + b","
        self.keys = []   # "ns/name" (cluster-scoped: "/name"), sorted
        self.raw = []    # compact JSON bytes of each item
        self.proto = None  # each item's protobuf message, when the narrow schema has the kind
        self.ns_ranges = {}
        message = narrow_proto.message_for(self.gv, self.kind)
        self.message = message if message in narrow_proto.schema() else None

    def load(self, items):
        """items: list of (namespace, name, bytes), any order."""
        items.sort(key=lambda t: (t[0], t[1]))
        self.keys = ["%s/%s" % (ns, n) for ns, n, _ in items]
        self.raw = [b for _, _, b in items]
        rng = {}
        for i, (ns, _, _) in enumerate(items):
            lo_hi = rng.get(ns)
            rng[ns] = (i if lo_hi is None else lo_hi[0], i + 1)
        self.ns_ranges = rng


class Cluster:
    def __init__(self, data_dir, fixtures, protobuf=True):
        self.resources = {}
        self.pod_containers = {}
        t0 = time.time()
        loaded = {}
        for spec in RESOURCES:
            r = Resource(spec)
            self.resources[(r.group, r.version, r.plural)] = r
            if r.file:
                path = os.path.join(data_dir, "resources", r.file + ".ndjson")
                if r.file not in loaded:
                    loaded[r.file] = self._read(path) if os.path.exists(path) else []
                objs = loaded[r.file]
                if r.group == "events.k8s.io":
                    r.load([(o["metadata"].get("namespace", ""), o["metadata"]["name"], dumps(to_events_v1(o)))
                            for o, _ in objs])
                else:
                    r.load([(o["metadata"].get("namespace", ""), o["metadata"]["name"], b) for o, b in objs])
                if r.plural == "pods" and r.group == "":
                    for o, _ in objs:
                        sp = o.get("spec", {})
                        self.pod_containers[(o["metadata"]["namespace"], o["metadata"]["name"])] = (
                            [c["name"] for c in sp.get("containers", [])],
                            [c["name"] for c in sp.get("initContainers", [])])
        del loaded
        if protobuf:
            schema = narrow_proto.schema()
            for r in self.resources.values():
                if r.message and r.raw:
                    r.proto = [narrow_proto.encode_message(r.message, json.loads(b), schema) for b in r.raw]
        man_path = os.path.join(data_dir, "manifest.json")
        self.rv = "1"
        if os.path.exists(man_path):
            with open(man_path) as f:
                self.rv = json.load(f).get("resourceVersion", "1")
        logs_path = os.path.join(data_dir, "logs.json")
        self.log_texts, self.log_containers = {}, {}
        if os.path.exists(logs_path):
            with open(logs_path) as f:
                lj = json.load(f)
            self.log_texts, self.log_containers = lj["texts"], lj["containers"]
        # discovery
        ap = os.path.join(fixtures, "api-paths")
        with open(os.path.join(ap, "version.json")) as f:
            self.version_doc = dumps(json.load(f))
        with open(os.path.join(ap, "api.json")) as f:
            self.api_doc = dumps(json.load(f))
        with open(os.path.join(ap, "apis.json")) as f:
            apis = json.load(f)
        self.apis_doc = dumps(apis)
        self.group_docs = {}
        self.rlists = {}
        gvs = [("", "v1")] + [(g["name"], v["version"]) for g in apis["groups"] for v in g["versions"]]
        for g in apis["groups"]:
            doc = {"kind": "APIGroup", "apiVersion": "v1", "name": g["name"], "versions": g["versions"],
                   "preferredVersion": g["preferredVersion"]}
            self.group_docs[g["name"]] = dumps(doc)
        for group, version in gvs:
            gv = "%s/%s" % (group, version) if group else version
            res = []
            for r in self.resources.values():
                if (r.group, r.version) != (group, version):
                    continue
                e = {"name": r.plural, "singularName": r.singular, "namespaced": r.namespaced, "kind": r.kind,
                     "verbs": STD_VERBS}
                if r.short:
                    e["shortNames"] = r.short
                if r.categories:
                    e["categories"] = r.categories
                res.append(e)
                for sub, kind, verbs in SUBRESOURCES.get((group, version, r.plural), []):
                    res.append({"name": "%s/%s" % (r.plural, sub), "singularName": "", "namespaced": r.namespaced,
                                "kind": kind, "verbs": verbs})
            res.sort(key=lambda e: e["name"])
            doc = {"kind": "APIResourceList"}
            if group:
                doc["apiVersion"] = "v1"
            doc["groupVersion"] = gv
            doc["resources"] = res
            self.rlists[(group, version)] = dumps(doc)
        self.page_cache = {}
        self.filter_cache = {}
        self.lock = threading.Lock()
        counts = {r.plural + ("" if not r.group else "." + r.group): len(r.raw)
                  for r in self.resources.values() if r.raw}
        log("loaded %s in %.1fs" % (json.dumps(counts), time.time() - t0))

    @staticmethod
    def _read(path):
        out = []
        with open(path, "rb") as f:
            for line in f:
                line = line.rstrip(b"\n")
                if line:
                    out.append((json.loads(line), line))
        return out

    # ---- continue tokens: base64url(no padding) of {"v":"meta.k8s.io/v1","rv":N,"start":"KEY\u0000"},
    # the apiserver's format (see Tests/Fixtures/k8s-v1.36/pagination/)
    def encode_continue(self, start_key):
        raw = json.dumps({"v": "meta.k8s.io/v1", "rv": int(self.rv), "start": start_key + "\x00"},
                         separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    @staticmethod
    def decode_continue(token):
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            doc = json.loads(raw)
            if doc.get("v") != "meta.k8s.io/v1" or not isinstance(doc.get("start"), str):
                raise ValueError
            return doc["start"]
        except Exception:
            return None

    def list_page(self, r, ns, lsel, fsel, limit, cont, want_gzip, rv="", cost_model=None, protobuf=False):
        """Returns (code, body, gzipped, cost in seconds under cost_model); protobuf when asked
        and the kind has a schema (check with `r.proto is not None`)."""
        from_cache = rv == "0" and not cont
        if from_cache and cost_model is not None:
            limit = 0  # a v1.24 watch cache answers in one piece
        if ns is None:
            lo, hi = 0, len(r.raw)
        else:
            lo, hi = r.ns_ranges.get(ns, (0, 0))
        if lsel or fsel:
            fkey = (id(r), ns, lsel, fsel)
            idx = self.filter_cache.get(fkey)
            if idx is None:
                try:
                    lp = parse_label_selector(lsel) if lsel else (lambda o: True)
                    fp = parse_field_selector(fsel) if fsel else (lambda o: True)
                except SelectorError as e:
                    return 400, status_body(400, "BadRequest", str(e)), False, 0.0
                idx = []
                for i in range(lo, hi):
                    o = json.loads(r.raw[i])
                    if lp(o) and fp(o):
                        idx.append(i)
                self.filter_cache[fkey] = idx
        else:
            idx = range(lo, hi)
        start = 0
        if cont:
            sk = self.decode_continue(cont)
            if sk is None:
                return 400, status_body(400, "BadRequest", "continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)"), False, 0.0
            full = sk if ns is None else "%s/%s" % (ns, sk)
            keys = [r.keys[i] for i in idx] if not isinstance(idx, range) else None
            if keys is None:
                start = bisect.bisect_left(r.keys, full, lo, hi) - lo
            else:
                start = bisect.bisect_left(keys, full)
        n = len(idx)
        end = n if not limit else min(n, start + limit)
        cost = 0.0
        if cost_model is not None:
            if from_cache:
                cost = cost_model.from_cache(hi - lo, end - start, protobuf)
            else:
                # the scan starts at the continue key (the first key of the range without one)
                if isinstance(idx, range):
                    first = lo + start
                elif cont:
                    first = bisect.bisect_left(r.keys, full, lo, hi)
                else:
                    first = lo
                scanned_to = idx[end - 1] + 1 if end < n else hi
                cost = cost_model.from_etcd(first, scanned_to, hi, limit, end - start, protobuf)
        ckey = (id(r), ns, lsel, fsel, limit, start, want_gzip, protobuf)
        hit = self.page_cache.get(ckey)
        if hit is not None:
            return 200, hit[0], hit[1], cost
        sel = [idx[i] for i in range(start, end)]
        meta = {"resourceVersion": self.rv}
        if end < n:
            last = r.keys[sel[-1]]
            meta["continue"] = self.encode_continue(last if ns is None else last.split("/", 1)[1])
            if not (lsel or fsel):
                meta["remainingItemCount"] = n - end
        if protobuf:
            body = narrow_proto.envelope(r.gv, r.kind + "List", narrow_proto.list_message(meta, [r.proto[i] for i in sel]))
        else:
            body = b"".join([r.list_prefix, b',"metadata":', dumps(meta), b',"items":[',
                             b",".join(r.raw[i] for i in sel), b"]}"])
        gz = False
        if want_gzip and len(body) > GZIP_THRESHOLD:
            body = gzip.compress(body, compresslevel=1)
            gz = True
        with self.lock:
            if len(self.page_cache) > 4096:
                self.page_cache.clear()
            self.page_cache[ckey] = (body, gz)
        return 200, body, gz, cost

    def get_object(self, r, ns, name):
        key = "%s/%s" % (ns or "", name)
        i = bisect.bisect_left(r.keys, key)
        if i < len(r.keys) and r.keys[i] == key:
            return r.obj_prefix + r.raw[i][1:]
        return None


# ---------------------------------------------------------------- HTTP
class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-kube-apiserver/1.36"
    sys_version = ""

    def setup(self):
        super().setup()
        try:
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def log_message(self, fmt, *args):  # silence default stderr logging
        pass

    # -- response
    def respond(self, code, body, ctype="application/json", gz=False):
        srv = self.server
        if srv.latency:
            time.sleep(srv.latency)
        reason = self.responses.get(code, ("",))[0]
        head = ["HTTP/1.1 %d %s" % (code, reason),
                "Audit-Id: %s" % uuid.uuid4(),
                "Cache-Control: no-cache, private",
                "Content-Type: %s" % ctype,
                "Date: %s" % self.date_time_string()]
        if gz:
            head.append("Content-Encoding: gzip")
            head.append("Vary: Accept-Encoding")
        head.append("Content-Length: %d" % len(body))
        if self.close_connection:
            head.append("Connection: close")
        data = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1")
        if self.command != "HEAD":
            data += body
        self.wfile.write(data)
        if srv.access_log is not None:
            line = "%s %s %s %d %d %.1fms\n" % (
                dt.datetime.now(dt.timezone.utc).strftime("%H:%M:%S.%f")[:-3], self.command, self.path, code,
                len(body), (time.perf_counter() - self._t0) * 1000)
            with srv.log_lock:
                srv.access_log.write(line)
                srv.access_log.flush()

    def wants_protobuf(self):
        return not self.server.json_only and PROTOBUF in self.headers.get("Accept", "")

    def respond_status(self, code, reason, message, details=None):
        self.respond_status_body(code, status_body(code, reason, message, details))

    def respond_status_body(self, code, body):
        """A `Status` answer: JSON, or protobuf when asked for it."""
        if self.wants_protobuf():
            status = narrow_proto.encode_message(narrow_proto.META + ".Status", json.loads(body), narrow_proto.schema())
            return self.respond(code, narrow_proto.envelope("v1", "Status", status), PROTOBUF)
        self.respond(code, body)

    def do_GET(self):
        self._t0 = time.perf_counter()
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as e:  # never kill the connection thread silently
            log("internal error on %s: %r" % (self.path, e))
            self.respond_status(500, "InternalError", "an error on the server (%s) has prevented the request from succeeding" % e)

    do_HEAD = do_GET

    def _write_method(self):
        self._t0 = time.perf_counter()
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        if not self.authorized():
            return
        self.respond_status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource")

    do_POST = do_PUT = do_PATCH = do_DELETE = _write_method

    def authorized(self):
        tok = self.server.token
        if tok is None:
            return True
        if self.headers.get("Authorization", "") == "Bearer " + tok:
            return True
        self.respond_status(401, "Unauthorized", "Unauthorized")
        return False

    def route(self):
        c = self.server.cluster
        u = urlsplit(self.path)
        path = unquote(u.path).rstrip("/") or "/"
        q = {k: v[-1] for k, v in parse_qs(u.query, keep_blank_values=True).items()}
        if path in ("/healthz", "/livez", "/readyz"):
            return self.respond(200, b"ok", "text/plain; charset=utf-8")
        if not self.authorized():
            return
        if path == "/version":
            return self.respond(200, c.version_doc)
        if path == "/api":
            return self.respond(200, c.api_doc)
        if path == "/apis":
            return self.respond(200, c.apis_doc)
        parts = path.strip("/").split("/")
        if parts[0] == "api" and len(parts) >= 2:
            group, version, rest = "", parts[1], parts[2:]
        elif parts[0] == "apis" and len(parts) >= 2:
            if len(parts) == 2:
                doc = c.group_docs.get(parts[1])
                return self.respond(200, doc) if doc else self.not_found_generic()
            group, version, rest = parts[1], parts[2], parts[3:]
        else:
            return self.not_found_generic()
        if (group, version) not in c.rlists:
            return self.not_found_generic()
        if not rest:
            return self.respond(200, c.rlists[(group, version)])
        ns = None
        if rest[0] == "namespaces" and len(rest) >= 3:
            ns, rest = rest[1], rest[2:]
        r = c.resources.get((group, version, rest[0]))
        if r is None or (ns is not None and not r.namespaced):
            return self.not_found_generic()
        if len(rest) == 1:
            if q.get("watch") in ("1", "true"):
                return self.idle_watch(q)
            try:
                limit = int(q.get("limit") or 0)
            except ValueError:
                return self.respond_status(400, "BadRequest", "invalid limit %r" % q.get("limit"))
            want_gzip = self.server.gzip and "gzip" in self.headers.get("Accept-Encoding", "")
            protobuf = self.wants_protobuf() and r.proto is not None
            code, body, gz, cost = c.list_page(r, ns, q.get("labelSelector") or "", q.get("fieldSelector") or "",
                                               limit, q.get("continue") or "", want_gzip, q.get("resourceVersion") or "",
                                               self.server.cost_model, protobuf)
            if cost > 0:
                time.sleep(cost)
            if code != 200:
                return self.respond_status_body(code, body)
            return self.respond(code, body, PROTOBUF if protobuf else "application/json", gz=gz)
        name = rest[1]
        if r.namespaced and ns is None:
            return self.not_found_generic()
        if len(rest) == 2:
            body = c.get_object(r, ns, name)
            if body is None:
                return self.respond(404, not_found(r.plural, r.group, name))
            return self.respond(200, body)
        if len(rest) == 3 and r.plural == "pods" and group == "" and rest[2] == "log":
            return self.pod_log(c, ns, name, q)
        if len(rest) == 3 and rest[2] == "status":
            body = c.get_object(r, ns, name)
            if body is None:
                return self.respond(404, not_found(r.plural, r.group, name))
            return self.respond(200, body)
        return self.not_found_generic()

    def idle_watch(self, q):
        """A watch of a static cluster: the stream opens (chunked, as the apiserver's) and stays
        quiet until timeoutSeconds (at most 30 minutes) or until the client goes away."""
        try:
            timeout = min(float(q.get("timeoutSeconds") or 1800), 1800.0)
        except ValueError:
            return self.respond_status(400, "BadRequest", "invalid timeoutSeconds %r" % q.get("timeoutSeconds"))
        ctype = "application/vnd.kubernetes.protobuf;stream=watch" if self.wants_protobuf() else "application/json"
        head = ["HTTP/1.1 200 OK", "Audit-Id: %s" % uuid.uuid4(), "Cache-Control: no-cache, private", "Content-Type: %s" % ctype,
                "Date: %s" % self.date_time_string(), "Transfer-Encoding: chunked"]
        self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
        self.wfile.flush()
        deadline = time.monotonic() + timeout
        self.connection.settimeout(1.0)
        while time.monotonic() < deadline:
            try:
                if self.connection.recv(1, socket.MSG_PEEK) == b"":
                    self.close_connection = True
                    return
                time.sleep(1.0)  # a client that writes on a watch: nothing to read here
            except socket.timeout:
                continue
            except OSError:
                self.close_connection = True
                return
        self.wfile.write(b"0\r\n\r\n")

    def not_found_generic(self):
        self.respond_status(404, "NotFound", "the server could not find the requested resource", {})

    def pod_log(self, c, ns, name, q):
        cont = c.pod_containers.get((ns, name))
        if cont is None:
            return self.respond(404, not_found("pods", "", name))
        containers, inits = cont
        cname = q.get("container") or ""
        if not cname:
            if len(containers) == 1 and not inits:
                cname = containers[0]
            else:
                return self.respond_status(400, "BadRequest", "a container name must be specified for pod %s, choose one of: [%s]"
                                           % (name, " ".join(containers)))
        if cname not in containers and cname not in inits:
            return self.respond_status(400, "BadRequest", "container %s is not valid for pod %s" % (cname, name))
        entry = c.log_containers.get("%s/%s/%s" % (ns, name, cname))
        text = ""
        previous = q.get("previous") in ("1", "true")
        if entry is not None:
            cur, prev, waiting = entry
            if waiting and not previous:
                return self.respond_status(400, "BadRequest", waiting)
            if previous:
                if prev is None:
                    return self.respond_status(400, "BadRequest", 'previous terminated container "%s" in pod "%s" not found'
                                               % (cname, name))
                text = c.log_texts.get(prev, "")
            else:
                text = c.log_texts.get(cur, "") if cur else ""
        elif previous:
            return self.respond_status(400, "BadRequest", 'previous terminated container "%s" in pod "%s" not found' % (cname, name))
        tail = q.get("tailLines")
        if tail:
            try:
                n = int(tail)
                lines = text.splitlines(True)
                text = "".join(lines[-n:]) if n > 0 else ""
            except ValueError:
                return self.respond_status(400, "BadRequest", "invalid tailLines %r" % tail)
        body = text.encode("utf-8")
        lb = q.get("limitBytes")
        if lb and lb.isdigit():
            body = body[:int(lb)]
        self.respond(200, body, "text/plain")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True


def self_check(fixtures):
    """Verify the events.k8s.io conversion against the captured pair of documents."""
    ok = True
    for ns in ("shop", "agentic-demo", "mcp-failover-clean"):
        with open(os.path.join(fixtures, "api-paths/api/v1/namespaces/%s/events.json" % ns)) as f:
            core = json.load(f)["items"]
        with open(os.path.join(fixtures, "api-paths/apis/events.k8s.io/v1/namespaces/%s/events.json" % ns)) as f:
            new = json.load(f)["items"]
        got = [to_events_v1(e) for e in core]
        if json.dumps(got) != json.dumps(new):
            ok = False
            for a, b in zip(got, new):
                if json.dumps(a) != json.dumps(b):
                    log("events.k8s.io conversion differs in %s:\n got  %s\n want %s" % (ns, json.dumps(a), json.dumps(b)))
                    break
    log("self-check: events.k8s.io/v1 conversion %s" % ("matches the captures" if ok else "DIFFERS"))
    return ok


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", help="folder written by make_cluster.py")
    p.add_argument("--fixtures", default=DEFAULT_FIXTURES)
    p.add_argument("--host", default="127.0.0.1", help="loopback address to bind (127.0.0.0/8 or ::1 only)")
    p.add_argument("--port", type=int, default=0, help="0 = any free port (printed on stdout line 1)")
    p.add_argument("--access-log", help="append one line per request (time method path status bytes duration)")
    p.add_argument("--token", help="require this bearer token (else 401, like a real server)")
    p.add_argument("--no-gzip", action="store_true", help="never gzip responses")
    p.add_argument("--latency-ms", type=float, default=0.0, help="added to every response (simulated RTT)")
    p.add_argument("--lifetime", type=float, default=3600.0, help="stop by itself after this many seconds")
    p.add_argument("--cost-model", choices=["v1.24", "none"], default="v1.24",
                   help="wait what a real server's LIST costs (default v1.24, see CostModel); none answers at once")
    p.add_argument("--json-only", action="store_true",
                   help="answer JSON even when protobuf is asked for (as a server does for CRDs)")
    p.add_argument("--self-check", action="store_true", help="check the events.k8s.io conversion and exit")
    a = p.parse_args()
    if a.self_check:
        sys.exit(0 if self_check(a.fixtures) else 1)
    if not a.data:
        p.error("--data is required")
    if not (a.host.startswith("127.") or a.host in ("::1", "localhost")):
        p.error("refusing to bind %s: loopback addresses only" % a.host)
    cluster = Cluster(a.data, a.fixtures, protobuf=not a.json_only)
    Server.address_family = socket.AF_INET6 if ":" in a.host else socket.AF_INET
    srv = Server((a.host, a.port), Handler)
    srv.cluster = cluster
    srv.token = a.token
    srv.json_only = a.json_only
    srv.gzip = not a.no_gzip
    srv.latency = a.latency_ms / 1000.0
    srv.cost_model = CostModel() if a.cost_model == "v1.24" else None
    srv.log_lock = threading.Lock()
    srv.access_log = open(a.access_log, "a", buffering=1) if a.access_log else None
    port = srv.server_address[1]
    sys.stdout.write("%d\n" % port)
    sys.stdout.flush()
    log("serving http://%s:%d (lifetime %ds)" % (a.host, port, a.lifetime))

    def stop(*_):
        threading.Thread(target=srv.shutdown, daemon=True).start()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    timer = threading.Timer(a.lifetime, stop)
    timer.daemon = True
    timer.start()
    try:
        srv.serve_forever(poll_interval=0.2)
    finally:
        srv.server_close()
        log("stopped")


if __name__ == "__main__":
    main()
