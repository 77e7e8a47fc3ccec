#!/usr/bin/env python3
"""Run a command K times; measure wall time and peak RSS of the child; check its output.

  measure.py run --label L --runs K --stdout FILE --results RESULTS.ndjson
                 [--kind heal|list] [--access-log FILE] -- CMD ARGS...
      Appends one JSON line to RESULTS: best (minimum) wall time, peak RSS (maximum over the
      runs, from os.wait4's ru_maxrss), output size, exit status, and what the output holds
      (findings of a DiagnosisReport, or items of a List). Exit status 0 even when the command
      fails: the failure is recorded in the line (and printed on stderr).
  measure.py report --results RESULTS.ndjson [--rss-target-mb 150] [--ratio-target 0.3333] [--timeline-target-s 1]
      Prints the table and the ratios; exits 1 with --enforce when a target is missed.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import time


def count_access(path, start):
    cats = collections.Counter()
    if not path or not os.path.exists(path):
        return None, start
    with open(path) as f:
        lines = f.readlines()
    for line in lines[start:]:
        parts = line.split()
        if len(parts) < 3:
            continue
        p = parts[2].split("?", 1)[0]
        if p.endswith("/log"):
            cats["log"] += 1
        elif p in ("/api", "/apis", "/api/v1", "/version") or (p.startswith("/apis/") and p.count("/") <= 3):
            cats["discovery"] += 1
        else:
            cats["list/get"] += 1
        if len(parts) >= 4 and parts[3] >= "400":
            cats["errors(>=400)"] += 1
    return dict(cats), len(lines)


def inspect_output(path, kind):
    """Returns (count, note, error)."""
    if os.path.getsize(path) == 0:
        return None, None, "exit status 0 but nothing on stdout (is `diagnose -o json` implemented yet?)"
    if kind == "table":
        with open(path) as f:
            return max(0, sum(1 for _ in f) - 1), None, None
    try:
        with open(path, "rb") as f:
            doc = json.load(f)
    except Exception as e:  # noqa: BLE001
        return None, None, "stdout is not JSON (%s)" % str(e)[:200]
    if kind == "timeline":
        if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
            return None, None, "JSON has no entries[] array (kind=%r)" % (doc.get("kind") if isinstance(doc, dict) else type(doc).__name__)
        kinds = collections.Counter(str(e.get("kind")) for e in doc["entries"] if isinstance(e, dict))
        note = "entries %s; %s" % (dict(kinds), str(doc.get("verdict", ""))[:120])
        return len(doc["entries"]), note, None
    if kind == "heal":
        if not isinstance(doc, dict) or not isinstance(doc.get("findings"), list):
            return None, None, "JSON has no findings[] array (kind=%r)" % (doc.get("kind") if isinstance(doc, dict) else type(doc).__name__)
        sev = collections.Counter(str(f.get("severity")) for f in doc["findings"] if isinstance(f, dict))
        codes = collections.Counter(str(f.get("code")) for f in doc["findings"] if isinstance(f, dict))
        note = "severity %s; top codes %s" % (dict(sev), ", ".join("%s=%d" % kv for kv in codes.most_common(8)))
        return len(doc["findings"]), note, None
    items = doc.get("items") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        return None, None, "JSON is not a List"
    kinds = collections.Counter(i.get("kind") for i in items if isinstance(i, dict))
    return len(items), ", ".join("%s=%d" % kv for kv in sorted(kinds.items())), None


def cmd_run(a):
    if not a.cmd or a.cmd[0] != "--":
        sys.exit("measure.py run: give the command after --")
    cmd = a.cmd[1:]
    runs = []
    err = None
    access = None
    for i in range(a.runs):
        _, start = count_access(a.access_log, 0) if a.access_log else (None, 0)
        with open(a.stdout, "wb") as out, open(a.stdout + ".stderr", "wb") as errf:
            t0 = time.perf_counter()
            try:
                p = subprocess.Popen(cmd, stdout=out, stderr=errf, stdin=subprocess.DEVNULL)
            except OSError as e:
                err = "cannot start %s: %s" % (cmd[0], e)
                break
            _, status, ru = os.wait4(p.pid, 0)
            wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        runs.append({"wall": wall, "rssKB": ru.ru_maxrss, "rc": p.returncode,
                     "bytes": os.path.getsize(a.stdout)})
        if a.access_log:
            access, _ = count_access(a.access_log, start)
        sys.stderr.write("  %-28s run %d/%d: %.3fs, %.1f MB, exit %d\n" % (
            a.label, i + 1, a.runs, wall, ru.ru_maxrss / 1024.0, p.returncode))
        if p.returncode != 0:
            with open(a.stdout + ".stderr", "rb") as f:
                tail = f.read()[-1500:].decode("utf-8", "replace")
            err = "exit status %d; stderr ends with:\n%s" % (p.returncode, tail)
            break
    res = {"label": a.label, "kind": a.kind, "cmd": cmd, "runs": runs, "access": access}
    if runs and err is None:
        count, note, oerr = inspect_output(a.stdout, a.kind)
        res.update({"count": count, "note": note})
        err = oerr
    if runs:
        res["wall"] = min(r["wall"] for r in runs)
        res["rssMB"] = max(r["rssKB"] for r in runs) / 1024.0
        res["bytes"] = runs[-1]["bytes"]
    res["ok"] = err is None
    res["error"] = err
    if err:
        sys.stderr.write("  %s FAILED: %s\n" % (a.label, err))
    with open(a.results, "a") as f:
        f.write(json.dumps(res) + "\n")


def cmd_report(a):
    rows = []
    if os.path.exists(a.results):
        with open(a.results) as f:
            rows = [json.loads(l) for l in f if l.strip()]
    by = {r["label"]: r for r in rows}
    print("")
    print("%-44s %9s %12s %14s  %s" % ("COMMAND", "WALL s", "PEAK RSS MB", "OUTPUT BYTES", "CONTENT"))
    for r in rows:
        if r.get("wall") is None:
            print("%-44s %9s %12s %14s  %s" % (r["label"], "-", "-", "-", "FAILED"))
            continue
        unit = {"heal": "findings", "timeline": "entries"}.get(r["kind"], "items")
        content = "FAILED" if not r["ok"] else "%s %s" % (r.get("count"), unit)
        print("%-44s %9.3f %12.1f %14d  %s" % (r["label"], r["wall"], r["rssMB"], r["bytes"], content))
    print("")
    for r in rows:
        if r.get("note"):
            print("  %s: %s" % (r["label"], r["note"]))
        if r.get("access") is not None:
            print("  %s: requests in the last run %s" % (r["label"], json.dumps(r["access"], sort_keys=True) if r["access"] else "none"))
        if r.get("error"):
            print("  %s: FAILED: %s" % (r["label"], r["error"].strip().replace("\n", "\n      ")))
    heal = by.get(a.heal_label)
    pods = by.get(a.pods_label)
    multi = by.get(a.multi_label)
    json_wire = by.get(a.json_wire_label)
    table = by.get(a.table_label)
    missed = []
    print("")
    if heal and heal.get("ok"):
        if json_wire and json_wire.get("ok"):
            print("ratio wall  protobuf / JSON wire       = %.3f" % (heal["wall"] / json_wire["wall"]))
            print("ratio RSS   protobuf / JSON wire       = %.3f" % (heal["rssMB"] / json_wire["rssMB"]))
        if table and table.get("ok"):
            print("ratio wall  heal / kubectl get pods -A = %.3f" % (heal["wall"] / table["wall"]))
        if pods and pods.get("ok"):
            ratio = heal["wall"] / pods["wall"]
            ok = ratio <= a.ratio_target
            print("ratio wall  heal / kubectl pods        = %.3f  (target <= %.3f)  %s" % (ratio, a.ratio_target, "PASS" if ok else "MISS"))
            print("ratio RSS   heal / kubectl pods        = %.3f" % (heal["rssMB"] / pods["rssMB"]))
            if not ok:
                missed.append("wall ratio")
        if multi and multi.get("ok"):
            print("ratio wall  heal / kubectl 6 kinds     = %.3f" % (heal["wall"] / multi["wall"]))
            print("ratio RSS   heal / kubectl 6 kinds     = %.3f" % (heal["rssMB"] / multi["rssMB"]))
        ok = heal["rssMB"] < a.rss_target_mb
        print("peak RSS    heal                       = %.1f MB  (target < %d MB)  %s" % (heal["rssMB"], a.rss_target_mb, "PASS" if ok else "MISS"))
        if not ok:
            missed.append("peak RSS")
    else:
        print("kubectl-heal: no figures (%s)" % (heal["error"].splitlines()[0] if heal and heal.get("error") else "not run"))
        missed.append("kubectl-heal did not run")
    timeline = by.get(a.timeline_label)
    if timeline and timeline.get("ok"):
        ok = timeline["wall"] <= a.timeline_target_s
        print("timeline    one workload               = %.3f s  (target <= %.1f s)  %s" % (timeline["wall"], a.timeline_target_s, "PASS" if ok else "MISS"))
        if not ok:
            missed.append("timeline wall")
    if a.enforce and missed:
        print("targets missed: %s" % ", ".join(missed))
        sys.exit(1)


def finding_keys(path):
    """What two reports must agree on: per finding its code, severity, object, owner, pod count and
    sample pods; the evidence texts are compared apart (their order and sample pod may differ)."""
    with open(path) as f:
        doc = json.load(f)
    keys, evidence = [], []
    for x in doc.get("findings", []):
        pods = x.get("pods") or {}
        keys.append(json.dumps([x.get("code"), x.get("severity"), x.get("resource"), x.get("owner"),
                                pods.get("count"), pods.get("sample")], sort_keys=True))
        evidence.append(json.dumps([x.get("code"), x.get("resource"), sorted(e.get("text", "") for e in x.get("evidence", []))],
                                   sort_keys=True))
    return sorted(keys), sorted(evidence)


def cmd_same_findings(a):
    (keys_a, ev_a), (keys_b, ev_b) = finding_keys(a.left), finding_keys(a.right)
    if keys_a == keys_b:
        same_evidence = "same evidence texts" if ev_a == ev_b else "evidence texts differ"
        print("yes, %d findings (%s)" % (len(keys_a), same_evidence))
        return
    set_a, set_b = set(keys_a), set(keys_b)
    only_a = [k for k in keys_a if k not in set_b]
    only_b = [k for k in keys_b if k not in set_a]
    print("NO: %d vs %d findings; only in the first %s; only in the second %s" % (
        len(keys_a), len(keys_b), only_a[:3], only_b[:3]))
    sys.exit(1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="op", required=True)
    r = sub.add_parser("run")
    r.add_argument("--label", required=True)
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--stdout", required=True)
    r.add_argument("--results", required=True)
    r.add_argument("--kind", choices=("heal", "list", "table", "timeline"), default="list")
    r.add_argument("--access-log")
    r.add_argument("cmd", nargs=argparse.REMAINDER)
    q = sub.add_parser("report")
    q.add_argument("--results", required=True)
    q.add_argument("--heal-label", default="kubectl-heal diagnose -A -o json")
    q.add_argument("--pods-label", default="kubectl get pods -A -o json")
    q.add_argument("--multi-label", default="kubectl get <6 kinds> -A -o json")
    q.add_argument("--json-wire-label", default="kubectl-heal diagnose -A -o json, JSON wire")
    q.add_argument("--table-label", default="kubectl get pods -A")
    q.add_argument("--timeline-label", default="kubectl-heal timeline deployment/NAME -n NS")
    q.add_argument("--timeline-target-s", type=float, default=1.0)
    q.add_argument("--rss-target-mb", type=float, default=150)
    q.add_argument("--ratio-target", type=float, default=1 / 3.0)
    q.add_argument("--enforce", action="store_true")
    c = sub.add_parser("same-findings")
    c.add_argument("left")
    c.add_argument("right")
    a = p.parse_args()
    if a.op == "run":
        cmd_run(a)
    elif a.op == "same-findings":
        cmd_same_findings(a)
    else:
        cmd_report(a)


if __name__ == "__main__":
    main()
