#!/usr/bin/env python3
"""Checks of `kubectl-heal diagnose -o json` documents for scripts/e2e.sh (stdlib only, no jq).

  check_report.py expect REPORT --namespace NS
      The document's shape, then exactly the expected finding per broken scenario and nothing
      about healthy-web. One `PASS name` / `FAIL name: why` line per check; exit 1 on any FAIL.
  check_report.py compare LIVE OTHER --namespace NS --label NAME [--strict]
      Compares the set of (code, workload kind, workload name) of two reports, limited to the
      namespace. --strict: FAIL unless equal. Otherwise differences are printed and only a
      workload missing from OTHER altogether is a FAIL.
  check_report.py keys REPORT [--namespace NS]
      Prints the (code, workload kind, workload name, severity) of every finding.

A finding's workload is its `owner` when present, else its `resource`. "Exactly one finding per
broken workload" counts findings of severity warning or critical; info-level (hygiene) findings
on broken workloads are listed but do not count. For healthy-web any finding at all is a FAIL.
"""

import argparse
import json
import sys

SEVERITIES = ("info", "warning", "critical")
HEALTHY = ("healthy-web",)

# (kind, name, code, checks on the finding)
EXPECTED = [
    ("Deployment", "mysql-client", "missing-env-vars",
     [("rootCause names MYSQL_HOST and MYSQL_ROOT_PASSWORD",
       lambda f: "MYSQL_HOST" in str(f.get("rootCause")) and "MYSQL_ROOT_PASSWORD" in str(f.get("rootCause")))]),
    ("Deployment", "memory-hungry", "oom-killed", []),
    ("Deployment", "web-server", "image-tag-not-found",
     [('remediation.parameters.image == "nginx:latest"', lambda f: params(f).get("image") == "nginx:latest")]),
    ("Deployment", "alpine-app", "image-not-found",
     [('remediation.parameters.image == "alpine:3.18"', lambda f: params(f).get("image") == "alpine:3.18")]),
    ("Deployment", "api-gateway", "readiness-probe-failing", []),
    ("Service", "api-gateway", "service-no-ready-endpoints",
     [("rootCause mentions the readiness probe or 404",
       lambda f: "readiness" in str(f.get("rootCause")).lower() or "404" in str(f.get("rootCause")))]),
    ("Deployment", "batch-cruncher", "unschedulable",
     [("rootCause mentions insufficient cpu", lambda f: "insufficient cpu" in str(f.get("rootCause")).lower())]),
]


def params(f):
    rem = f.get("remediation") or {}
    p = rem.get("parameters") if isinstance(rem, dict) else None
    return p if isinstance(p, dict) else {}


def load(path):
    try:
        with open(path) as fh:
            return json.load(fh), None
    except Exception as e:  # noqa: BLE001
        return None, "%s is not readable JSON: %s" % (path, e)


def ref_ok(r):
    return isinstance(r, dict) and all(isinstance(r.get(k), str) for k in ("kind", "name")) and \
        isinstance(r.get("namespace", ""), str)


def workload(f):
    o = f.get("owner")
    r = o if isinstance(o, dict) and o else f.get("resource") or {}
    return r.get("kind"), r.get("namespace") or "", r.get("name")


def schema_errors(doc):
    errs = []
    if not isinstance(doc, dict):
        return ["the document is not a JSON object"]
    if doc.get("apiVersion") != "heal.kubectl.io/v1alpha1":
        errs.append("apiVersion is %r, not heal.kubectl.io/v1alpha1" % doc.get("apiVersion"))
    if doc.get("kind") != "DiagnosisReport":
        errs.append("kind is %r, not DiagnosisReport" % doc.get("kind"))
    fs = doc.get("findings")
    if not isinstance(fs, list):
        return errs + ["findings is not an array"]
    for i, f in enumerate(fs):
        where = "findings[%d]" % i
        if not isinstance(f, dict):
            errs.append("%s is not an object" % where)
            continue
        where += " (%s)" % f.get("code")
        for k in ("code", "rootCause"):
            if not isinstance(f.get(k), str) or not f.get(k):
                errs.append("%s: %s missing or not a non-empty string" % (where, k))
        if f.get("severity") not in SEVERITIES:
            errs.append("%s: severity %r not one of %s" % (where, f.get("severity"), "/".join(SEVERITIES)))
        if not ref_ok(f.get("resource")):
            errs.append("%s: resource must have kind, namespace, name" % where)
        if f.get("owner") is not None and not ref_ok(f.get("owner")):
            errs.append("%s: owner must have kind, namespace, name" % where)
        rem = f.get("remediation")
        if not isinstance(rem, dict):
            errs.append("%s: remediation missing" % where)
        else:
            for k in ("action", "summary"):
                if not isinstance(rem.get(k), str):
                    errs.append("%s: remediation.%s missing or not a string" % (where, k))
            if not isinstance(rem.get("parameters"), dict):
                errs.append("%s: remediation.parameters missing or not an object" % where)
            # patch: the exact change (object or string); absent or null when the action has none
            if rem.get("patch") is not None and not isinstance(rem.get("patch"), (dict, str, list)):
                errs.append("%s: remediation.patch is neither an object nor a string" % where)
    return errs


class Out:
    def __init__(self):
        self.failed = 0

    def check(self, ok, name, why=""):
        if ok:
            print("PASS  %s" % name)
        else:
            self.failed += 1
            print("FAIL  %s%s" % (name, (": " + why) if why else ""))

    def note(self, text):
        print("      %s" % text)


def fmt(f):
    k, ns, n = workload(f)
    return "%s %s/%s [%s] %s" % (f.get("code"), k, n, f.get("severity"), str(f.get("rootCause"))[:160])


def cmd_expect(a):
    out = Out()
    doc, err = load(a.report)
    if err:
        out.check(False, "report is JSON", err)
        return out.failed
    errs = schema_errors(doc)
    out.check(not errs, "report shape (apiVersion, kind, findings[] fields)",
              "; ".join(errs[:8]) + (" (+%d more)" % (len(errs) - 8) if len(errs) > 8 else ""))
    fs = [f for f in doc.get("findings") or [] if isinstance(f, dict)] if isinstance(doc, dict) else []
    mine = [f for f in fs if workload(f)[1] == a.namespace]
    for f in fs:
        if not workload(f)[1]:
            out.note("(cluster-scoped, not counted) %s" % fmt(f))
    expected_keys = set()
    for kind, name, code, extra in EXPECTED:
        expected_keys.add((kind, name))
        on = [f for f in mine if workload(f)[0] == kind and workload(f)[2] == name]
        serious = [f for f in on if f.get("severity") != "info"]
        label = "%s/%s -> %s" % (kind, name, code)
        if len(serious) == 1 and serious[0].get("code") == code:
            out.check(True, label)
            for what, pred in extra:
                try:
                    ok = bool(pred(serious[0]))
                except Exception:  # noqa: BLE001
                    ok = False
                out.check(ok, "%s: %s" % (label, what), "got rootCause %r, remediation %s" % (
                    serious[0].get("rootCause"), json.dumps(serious[0].get("remediation"))[:300]))
        else:
            out.check(False, label, "expected exactly one warning/critical finding %r, got %s" % (
                code, [fmt(f) for f in serious] or "none"))
        for f in on:
            if f.get("severity") == "info":
                out.note("(info, not counted) %s" % fmt(f))
    healthy = [f for f in fs if any(
        str(n) == h or str(n).startswith(h + "-")
        for h in HEALTHY
        for n in ((f.get("resource") or {}).get("name"), (f.get("owner") or {}).get("name")))]
    out.check(not healthy, "nothing about healthy-web", "; ".join(fmt(f) for f in healthy))
    unexpected = [f for f in mine if f.get("severity") != "info" and (workload(f)[0], workload(f)[2]) not in expected_keys
                  and f not in healthy]
    out.check(not unexpected, "no other warning/critical findings in the namespace", "; ".join(fmt(f) for f in unexpected))
    for f in mine:
        if f.get("severity") == "info" and (workload(f)[0], workload(f)[2]) not in expected_keys and f not in healthy:
            out.note("(info, not counted) %s" % fmt(f))
    return out.failed


def keyset(doc, namespace):
    ks = set()
    for f in (doc.get("findings") or []) if isinstance(doc, dict) else []:
        if not isinstance(f, dict):
            continue
        k, ns, n = workload(f)
        if namespace and ns != namespace:
            continue
        ks.add((str(f.get("code")), str(k), str(n)))
    return ks


def cmd_compare(a):
    out = Out()
    live, e1 = load(a.live)
    other, e2 = load(a.other)
    if e1 or e2:
        out.check(False, "%s: reports are JSON" % a.label, e1 or e2)
        return out.failed
    errs = schema_errors(other)
    out.check(not errs, "%s: report shape" % a.label, "; ".join(errs[:5]))
    L, O = keyset(live, a.namespace), keyset(other, a.namespace)
    only_live, only_other = sorted(L - O), sorted(O - L)
    for k in only_live:
        out.note("only in the live run:   %s %s/%s" % k)
    for k in only_other:
        out.note("only in %s: %s %s/%s" % (a.label, k[0], k[1], k[2]))
    if a.strict:
        out.check(L == O, "%s: same (code, workload) set as the live run" % a.label,
                  "%d only live, %d only in %s" % (len(only_live), len(only_other), a.label))
    else:
        lw = {(k[1], k[2]) for k in L}
        ow = {(k[1], k[2]) for k in O}
        missing = sorted(lw - ow)
        out.check(not missing, "%s: every workload of the live run is reported" % a.label,
                  "missing: %s" % ", ".join("%s/%s" % m for m in missing))
        if L != O:
            out.note("%s differs from the live run in %d finding(s) (reported, not failed: no logs in this input)"
                     % (a.label, len(only_live) + len(only_other)))
    return out.failed


def cmd_keys(a):
    doc, err = load(a.report)
    if err:
        print(err)
        return 1
    for f in doc.get("findings") or []:
        k, ns, n = workload(f)
        if a.namespace and ns not in ("", a.namespace):
            continue
        print("%-28s %-12s %s/%s" % (f.get("code"), f.get("severity"), k, n))
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="op", required=True)
    e = sub.add_parser("expect")
    e.add_argument("report")
    e.add_argument("--namespace", required=True)
    c = sub.add_parser("compare")
    c.add_argument("live")
    c.add_argument("other")
    c.add_argument("--namespace", required=True)
    c.add_argument("--label", required=True)
    c.add_argument("--strict", action="store_true")
    k = sub.add_parser("keys")
    k.add_argument("report")
    k.add_argument("--namespace")
    a = p.parse_args()
    failed = {"expect": cmd_expect, "compare": cmd_compare, "keys": cmd_keys}[a.op](a)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
