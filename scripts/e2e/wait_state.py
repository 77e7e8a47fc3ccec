#!/usr/bin/env python3
"""Have the e2e scenarios reached the states the diagnosis must explain?

Reads `kubectl get pods,events -n NS -o json` (a List) on stdin or from --file, prints one line
per scenario (`ok` / `waiting: ...`) and exits 0 when every scenario is in its target state,
1 otherwise (2 on unreadable input).

  mysql-client    a container waiting in CrashLoopBackOff
  memory-hungry   a container whose lastState.terminated.reason is OOMKilled
  web-server      a container waiting in ImagePullBackOff or ErrImagePull
  alpine-app      a container waiting in ImagePullBackOff or ErrImagePull
  api-gateway     every pod (at least 2) Running with its container running and Ready=False,
                  and a kubelet `Unhealthy` event "Readiness probe failed" for one of them
  batch-cruncher  a pod with PodScheduled=False, reason Unschedulable
  healthy-web     2 pods Ready
"""

import argparse
import json
import sys

IMAGE_PULL = ("ImagePullBackOff", "ErrImagePull")


def cond(pod, typ):
    for c in (pod.get("status") or {}).get("conditions") or []:
        if c.get("type") == typ:
            return c
    return {}


def statuses(pod):
    return (pod.get("status") or {}).get("containerStatuses") or []


def waiting_reason(cs):
    return ((cs.get("state") or {}).get("waiting") or {}).get("reason")


def describe(pods):
    out = []
    for p in pods:
        st = p.get("status") or {}
        parts = [st.get("phase", "?")]
        for cs in statuses(p):
            w = waiting_reason(cs)
            last = ((cs.get("lastState") or {}).get("terminated") or {}).get("reason")
            parts.append("%s%s%s restarts=%s ready=%s" % (
                cs.get("name"), (" waiting=" + w) if w else "", (" last=" + last) if last else "",
                cs.get("restartCount"), cs.get("ready")))
        sc = cond(p, "PodScheduled")
        if sc.get("status") == "False":
            parts.append("unscheduled(%s)" % sc.get("reason"))
        out.append("%s[%s]" % (p["metadata"]["name"], ", ".join(parts)))
    return "; ".join(out) or "no pods yet"


def check(doc):
    items = doc.get("items") or []
    pods, events = {}, []
    for it in items:
        kind = it.get("kind")
        if kind == "Pod":
            if (it.get("metadata") or {}).get("deletionTimestamp"):
                continue
            app = ((it.get("metadata") or {}).get("labels") or {}).get("app")
            pods.setdefault(app, []).append(it)
        elif kind == "Event":
            events.append(it)
    res = {}

    def any_cs(app, pred):
        return any(pred(cs) for p in pods.get(app, []) for cs in statuses(p))

    res["mysql-client"] = any_cs("mysql-client", lambda cs: waiting_reason(cs) == "CrashLoopBackOff")
    res["memory-hungry"] = any_cs("memory-hungry", lambda cs: ((cs.get("lastState") or {}).get("terminated") or {}).get("reason") == "OOMKilled")
    res["web-server"] = any_cs("web-server", lambda cs: waiting_reason(cs) in IMAGE_PULL)
    res["alpine-app"] = any_cs("alpine-app", lambda cs: waiting_reason(cs) in IMAGE_PULL)
    gw = pods.get("api-gateway", [])
    gw_names = {p["metadata"]["name"] for p in gw}
    probe_event = any(
        e.get("reason") == "Unhealthy"
        and ((e.get("involvedObject") or {}).get("name") in gw_names)
        and "Readiness probe failed" in (e.get("message") or "")
        for e in events)
    res["api-gateway"] = (len(gw) >= 2 and probe_event and all(
        (p.get("status") or {}).get("phase") == "Running"
        and cond(p, "Ready").get("status") == "False"
        and statuses(p) and all("running" in (cs.get("state") or {}) for cs in statuses(p))
        for p in gw))
    res["batch-cruncher"] = any(
        cond(p, "PodScheduled").get("status") == "False" and cond(p, "PodScheduled").get("reason") == "Unschedulable"
        for p in pods.get("batch-cruncher", []))
    res["healthy-web"] = sum(1 for p in pods.get("healthy-web", []) if cond(p, "Ready").get("status") == "True") >= 2
    lines = []
    for app in ("mysql-client", "memory-hungry", "web-server", "alpine-app", "api-gateway", "batch-cruncher", "healthy-web"):
        if res[app]:
            lines.append("  ok       %-15s" % app)
        else:
            extra = ""
            if app == "api-gateway" and not probe_event:
                extra = " (no 'Readiness probe failed' event yet)"
            lines.append("  waiting  %-15s %s%s" % (app, describe(pods.get(app, [])), extra))
    return all(res.values()), lines, res


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--file", help="read this file instead of stdin")
    p.add_argument("--quiet", action="store_true", help="print nothing, only the exit status")
    a = p.parse_args()
    try:
        doc = json.load(open(a.file) if a.file else sys.stdin)
    except Exception as e:  # noqa: BLE001
        sys.stderr.write("wait_state: cannot read the pod list: %s\n" % e)
        sys.exit(2)
    ok, lines, _ = check(doc)
    if not a.quiet:
        print("\n".join(lines))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
