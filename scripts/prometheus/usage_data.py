#!/usr/bin/env python3
"""Write cAdvisor and kube-state-metrics series as OpenMetrics text, for backfilling a real
Prometheus with `promtool tsdb create-blocks-from openmetrics` (the HealUsage tests and
scripts/bench-recommend.sh).

  usage_data.py demo  --end EPOCH  > demo.om     the known patterns the HealUsage tests assert
  usage_data.py bench --end EPOCH [--namespaces 20] [--deployments 50] > bench.om

Samples are one minute apart, from END - 14 days - 10 minutes to END inclusive: the extra ten
minutes give every 5-minute rate window inside the 14-day window a full set of samples, so the
rates are exact. CPU counters grow by whole core-seconds per minute (0.2 core = 12 per minute),
memory is in whole bytes, so Prometheus' figures can be checked exactly.

`demo` (namespace usage-demo unless said otherwise; figures over [END-14d, END]):
  steady      Deployment. A pod of an earlier ReplicaSet (steady-5c6f7b8d9e-kx2lp) until
              END-7d at 0.2 core and 300Mi, then two pods of the current one (counters from 0)
              at 0.2 core and 200Mi. Its pods also have pod-level (container="") and pause
              (container="POD") memory series, which must not count.
  daily-peak  Deployment. 0.1 core, except 12:00-14:00 UTC every day at 0.9 core; 150Mi.
  leak        DaemonSet. 0.05 core; memory 100Mi + 256KiB per minute since END-14d, back to
              100Mi every 1601 minutes (so 500Mi at the top of each cycle).
  oom         StatefulSet (pod oom-0). 0.1 core; 200Mi except 256Mi at END-3d, when it was
              OOM-killed: kube-state-metrics shows last terminated reason OOMKilled from then on,
              and a 256Mi memory limit throughout.
  young       Deployment. Only the last 2 hours: 0.3 core (counter from 0), 64Mi.
  other/steady  a Deployment of the same name in namespace other, at 1Gi.

`demo`, namespace anomaly-demo (memory only; the anomalies tests):
  cache       Deployment, two pods climbing from 100Mi to the 512Mi limit and reset (OOM-killed),
              cache-5d8f7b6c9d-a1b2c every 300 minutes, cache-5d8f7b6c9d-d3e4f every 360 minutes
              starting 100 minutes later: the next kill of each is its next cycle end after END.
  leaky       Deployment, 100Mi + 2Mi an hour since END-14d (about 772Mi at END), +-1Mi of
              jitter: it reaches a 1Gi limit about 126 hours after END.
  flat        Deployment, 300Mi +-2Mi of jitter: nothing to say.
  fresh       Deployment, only the last 2 hours, 64Mi: not enough history.
  shifted     Deployment, 150Mi +-2Mi until END-2d, then 400Mi +-2Mi: a level that changed.
  throttled   Deployment (pod throttled-4a5b6c7d8e-t1h2r), 250Mi flat, CFS periods 10 a second of which
              4 throttled (40 %).
  busy        Deployment (pod busy-9a8b7c6d5e-b3u4s), 200Mi flat; CPU 0.1 core +-0.017 until END-3d,
              then 0.4 core +-0.017: a CPU level that changed.
  spiky       Deployment (pod spiky-1e2f3a4b5c-p6k7y), 180Mi flat; CPU 0.2 core, 0.6 core from 09:00
              to 11:00 UTC every day, and 1.5 core in the last 3 hours: outliers against last week.
  crashy      Deployment (pod crashy-2b3c4d5e6f-c7r8h), 120Mi flat; kube-state-metrics' restart
              counter rises at END-10d, END-6d and END-3d, then every 2 hours in the last day (12).
  changed     Deployment (pod changed-5e6f7a8b9c-c4h5g), 40Mi +-1Mi until END-2d, then a saw-tooth
              from 40Mi to its 256Mi limit every 240 minutes: a pattern that changed, and OOM kills.
  The cache pods' restart counters rise at each kill: a high rate, but no jump.

`demo`, namespace forecast-demo (the forecast tests):
  billing     Deployment (pod billing-6d7e8f9a0b-b1c2d), CPU 0.1 core +-0.033 of jitter, 0.9 core +-0.1
              from 14:00 to 16:00 UTC every day, each day scaled by its own 0.85-1.15 (the median over
              the last week 0.96): a day is a poor guide to the next, a week's median a good one;
              memory 200Mi +-2Mi.
  newcomer    Deployment, only the last day, 0.2 core and 100Mi: not enough history.

`bench`: NAMESPACES x DEPLOYMENTS Deployments (namespaces bench-00..., Deployments app-00...),
one pod (app-NN-7d4b9c8f6d-q9z2w) with one container (app) each, CPU between 0.05 and 0.5 core
tripled for 2 hours a day, constant memory between 100Mi and 400Mi: with the defaults, 1,000
workloads and 40 million samples (about 4.5 GB of text).
"""

import argparse
import sys

MINUTE = 60
DAY = 86400
MI = 1024 * 1024
WINDOW = 14 * DAY
LEAD = 10 * MINUTE

CPU = "container_cpu_usage_seconds_total"
MEMORY = "container_memory_working_set_bytes"
REASON = "kube_pod_container_status_last_terminated_reason"
LIMITS = "kube_pod_container_resource_limits"


def labels(**pairs):
    return "{" + ",".join('%s="%s"' % pair for pair in pairs.items()) + "}"


def times(start, end):
    return range(start, end + 1, MINUTE)


class Writer:
    """Groups samples by metric family, as OpenMetrics requires, and streams them out."""

    def __init__(self, out):
        self.out = out
        self.family = None

    def series(self, name, kind, series_labels, samples):
        family = name[: -len("_total")] if kind == "counter" else name
        if family != self.family:
            self.out.write("# TYPE %s %s\n" % (family, kind))
            self.family = family
        prefix = name + series_labels + " "
        self.out.write("".join("%s%d %d\n" % (prefix, value, t) for t, value in samples))

    def counter(self, series_labels, start, end, per_minute):
        """A CPU counter from 0 at `start`: per_minute(t) core-seconds are added in (t-60, t]."""
        total = 0
        samples = []
        for t in times(start, end):
            if t > start:
                total += per_minute(t - MINUTE)
            samples.append((t, total))
        self.series(CPU, "counter", series_labels, samples)

    def gauge(self, name, series_labels, start, end, value):
        self.series(name, "gauge", series_labels, [(t, value(t)) for t in times(start, end)])

    def end(self):
        self.out.write("# EOF\n")


def cadvisor(namespace, pod, container="app"):
    return labels(namespace=namespace, pod=pod, container=container, job="kubelet", image="registry.example/app:1")


def demo(writer, end):
    first = end - WINDOW - LEAD
    rollout = end - 7 * DAY
    young = end - 2 * 3600
    killed = end - 3 * DAY
    old_pod = "steady-5c6f7b8d9e-kx2lp"
    new_pods = ["steady-7d4b9c8f6d-q9z2w", "steady-7d4b9c8f6d-t5v8n"]
    peak_pod = "daily-peak-6b8d7c9f5d-m4x7r"
    leak_pod = "leak-h7w9c"
    young_pod = "young-59c44b768d-j2k6f"

    def in_peak(t):
        return 12 * 3600 <= t % DAY < 14 * 3600

    ns = "usage-demo"
    # Counter samples in CPU cores x 60 per minute.
    writer.counter(cadvisor(ns, old_pod), first, rollout - MINUTE, lambda t: 12)
    for pod in new_pods:
        writer.counter(cadvisor(ns, pod), rollout, end, lambda t: 12)
    writer.counter(cadvisor(ns, peak_pod), first, end, lambda t: 54 if in_peak(t) else 6)
    writer.counter(cadvisor(ns, leak_pod), first, end, lambda t: 3)
    writer.counter(cadvisor(ns, "oom-0"), first, end, lambda t: 6)
    writer.counter(cadvisor(ns, young_pod), young, end, lambda t: 18)
    writer.counter(cadvisor("other", "steady-6f9c8d7b5d-w2x4z"), first, end, lambda t: 30)
    forecast_demo_cpu(writer, end)
    anomaly_demo_cpu(writer, end)

    writer.gauge(MEMORY, cadvisor(ns, old_pod), first, rollout - MINUTE, lambda t: 300 * MI)
    for pod in new_pods:
        writer.gauge(MEMORY, cadvisor(ns, pod), rollout, end, lambda t: 200 * MI)
    writer.gauge(MEMORY, cadvisor(ns, new_pods[0], container=""), rollout, end, lambda t: 10 * 1024 * MI)
    writer.gauge(MEMORY, cadvisor(ns, new_pods[0], container="POD"), rollout, end, lambda t: 1 * MI)
    writer.gauge(MEMORY, cadvisor(ns, peak_pod), first, end, lambda t: 150 * MI)
    leak_start = end - WINDOW
    writer.gauge(MEMORY, cadvisor(ns, leak_pod), first, end,
                 lambda t: 100 * MI + ((t - leak_start) // MINUTE % 1601) * 256 * 1024)
    writer.gauge(MEMORY, cadvisor(ns, "oom-0"), first, end, lambda t: 256 * MI if t == killed else 200 * MI)
    writer.gauge(MEMORY, cadvisor(ns, young_pod), young, end, lambda t: 64 * MI)
    writer.gauge(MEMORY, cadvisor("other", "steady-6f9c8d7b5d-w2x4z"), first, end, lambda t: 1024 * MI)
    # In the same family block: OpenMetrics keeps a family's samples together.
    anomaly_demo(writer, end)
    forecast_demo_memory(writer, end)

    ksm = dict(job="kube-state-metrics", namespace=ns, container="app")
    writer.gauge(REASON, labels(**ksm, pod="oom-0", reason="OOMKilled"), killed, end, lambda t: 1)
    writer.gauge(LIMITS, labels(**ksm, pod="oom-0", resource="memory", unit="byte"), first, end, lambda t: 256 * MI)
    for pod in new_pods:
        writer.gauge(LIMITS, labels(**ksm, pod=pod, resource="memory", unit="byte"), rollout, end, lambda t: 512 * MI)
    throttling_demo(writer, end)
    restarts_demo(writer, end)


SAWTOOTH = [("cache-5d8f7b6c9d-a1b2c", 300, 0), ("cache-5d8f7b6c9d-d3e4f", 360, 100)]


def sawtooth(t, start, period_minutes, offset_minutes):
    """100Mi at each cycle start, rising linearly to 512Mi at its end, where it is killed."""
    phase = ((t - start) // MINUTE - offset_minutes) % period_minutes
    return 100 * MI + (412 * MI * phase) // period_minutes


def jitter(t, spread):
    """A deterministic wobble of -spread..+spread bytes."""
    return ((t // MINUTE * 7919) % (2 * spread + 1)) - spread


def day_factor(t):
    """0.85 to 1.15, the same all day, different from one day to the next."""
    return 0.85 + 0.3 * ((t // DAY * 2654435761) % 1000) / 1000


def billing_cpu(t):
    """Core-seconds in the minute from t: 0.1 core (6) +-2, or 0.9 core (54) +-6 from 14:00 to 16:00 UTC,
    times the day's factor."""
    minute = t // MINUTE
    if 14 * 3600 <= t % DAY < 16 * 3600:
        return round((54 + (minute * 104729) % 13 - 6) * day_factor(t))
    return round((6 + (minute * 7919) % 5 - 2) * day_factor(t))


def forecast_demo_cpu(writer, end):
    first = end - WINDOW - LEAD
    writer.counter(cadvisor("forecast-demo", "billing-6d7e8f9a0b-b1c2d"), first, end, billing_cpu)
    writer.counter(cadvisor("forecast-demo", "newcomer-5f6a7b8c9d-n1e2w"), end - DAY, end, lambda t: 12)


def forecast_demo_memory(writer, end):
    first = end - WINDOW - LEAD
    writer.gauge(MEMORY, cadvisor("forecast-demo", "billing-6d7e8f9a0b-b1c2d"), first, end, lambda t: 200 * MI + jitter(t, 2 * MI))
    writer.gauge(MEMORY, cadvisor("forecast-demo", "newcomer-5f6a7b8c9d-n1e2w"), end - DAY, end, lambda t: 100 * MI)


def anomaly_demo(writer, end):
    first = end - WINDOW - LEAD
    start = end - WINDOW
    ns = "anomaly-demo"
    for pod, period, offset in SAWTOOTH:
        writer.gauge(MEMORY, cadvisor(ns, pod), first, end, lambda t, period=period, offset=offset: sawtooth(t, start, period, offset))
    writer.gauge(MEMORY, cadvisor(ns, "leaky-6c7d8e9f0a-x1y2z"), first, end,
                 lambda t: 100 * MI + (2 * MI * (t - start)) // 3600 + jitter(t, MI))
    writer.gauge(MEMORY, cadvisor(ns, "flat-7b8c9d0e1f-s1t2u"), first, end, lambda t: 300 * MI + jitter(t, 2 * MI))
    writer.gauge(MEMORY, cadvisor(ns, "fresh-8c9d0e1f2a-y1o2u"), end - 2 * 3600, end, lambda t: 64 * MI)
    writer.gauge(MEMORY, cadvisor(ns, THROTTLED_POD), first, end, lambda t: 250 * MI)
    writer.gauge(MEMORY, cadvisor(ns, "shifted-3b4c5d6e7f-s9h8f"), first, end,
                 lambda t: (150 if t < end - 2 * DAY else 400) * MI + jitter(t, 2 * MI))


    writer.gauge(MEMORY, cadvisor(ns, BUSY_POD), first, end, lambda t: 200 * MI)
    writer.gauge(MEMORY, cadvisor(ns, SPIKY_POD), first, end, lambda t: 180 * MI)
    writer.gauge(MEMORY, cadvisor(ns, CRASHY_POD), first, end, lambda t: 120 * MI)
    changed_at = end - 2 * DAY
    writer.gauge(MEMORY, cadvisor(ns, "changed-5e6f7a8b9c-c4h5g"), first, end,
                 lambda t: 40 * MI + jitter(t, MI) if t < changed_at else 40 * MI + (216 * MI * (((t - changed_at) // MINUTE) % 240)) // 240)


THROTTLED_POD = "throttled-4a5b6c7d8e-t1h2r"
BUSY_POD = "busy-9a8b7c6d5e-b3u4s"
SPIKY_POD = "spiky-1e2f3a4b5c-p6k7y"
CRASHY_POD = "crashy-2b3c4d5e6f-c7r8h"


def anomaly_demo_cpu(writer, end):
    """Core-seconds per minute: busy 6 (+-1) then 24 (+-1) from END-3d; spiky 12, 36 from 09:00 to
    11:00 UTC, 90 in the last 3 hours."""
    first = end - WINDOW - LEAD
    writer.counter(cadvisor("anomaly-demo", BUSY_POD), first, end,
                   lambda t: (6 if t < end - 3 * DAY else 24) + (t // MINUTE * 7919) % 3 - 1)

    def spiky(t):
        if t >= end - 3 * 3600:
            return 90
        return 36 if 9 * 3600 <= t % DAY < 11 * 3600 else 12
    writer.counter(cadvisor("anomaly-demo", SPIKY_POD), first, end, spiky)


def restarts_demo(writer, end):
    """kube-state-metrics' restart counters: crashy's jump, and the cache pods' steady kills."""
    first = end - WINDOW - LEAD
    start = end - WINDOW
    ksm = dict(job="kube-state-metrics", namespace="anomaly-demo", container="app")
    crashes = [end - 10 * DAY, end - 6 * DAY, end - 3 * DAY] + [end - DAY + k * 2 * 3600 + 30 * MINUTE for k in range(12)]

    def counter(pod, restarted):
        writer.series("kube_pod_container_status_restarts_total", "counter", labels(**ksm, pod=pod),
                      [(t, restarted(t)) for t in times(first, end)])
    counter(CRASHY_POD, lambda t: sum(1 for crash in crashes if crash <= t))
    for pod, period, offset in SAWTOOTH:
        counter(pod, lambda t, period=period, offset=offset: max(0, ((t - start) // MINUTE - offset) // period))


def throttling_demo(writer, end):
    """cAdvisor's CFS counters: 600 periods a minute, 240 of them throttled."""
    first = end - WINDOW - LEAD
    series = cadvisor("anomaly-demo", THROTTLED_POD)
    for name, per_minute in [("container_cpu_cfs_periods_total", 600), ("container_cpu_cfs_throttled_periods_total", 240)]:
        writer.series(name, "counter", series, [(t, (t - first) // MINUTE * per_minute) for t in times(first, end)])


def bench(writer, end, namespaces, deployments):
    first = end - WINDOW - LEAD
    workloads = [(n, d) for n in range(namespaces) for d in range(deployments)]

    def pod(n, d):
        # Only the labels the queries use: the file is 40 million lines as it is.
        return labels(namespace="bench-%02d" % n, pod="app-%02d-7d4b9c8f6d-q9z2w" % d, container="app")

    for n, d in workloads:
        base = 3 + (n * deployments + d) % 28  # 0.05 to 0.5 core
        peak_hour = d % 24
        writer.counter(pod(n, d), first, end,
                       lambda t, base=base, peak_hour=peak_hour: base * (3 if (t % DAY) // 3600 in (peak_hour, peak_hour + 1) else 1))
    for n, d in workloads:
        memory = (100 + (n * deployments + d) % 301) * MI
        writer.gauge(MEMORY, pod(n, d), first, end, lambda t, memory=memory: memory)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["demo", "bench"])
    parser.add_argument("--end", type=int, required=True, help="last sample time, Unix seconds, a multiple of 60")
    parser.add_argument("--namespaces", type=int, default=20)
    parser.add_argument("--deployments", type=int, default=50, help="Deployments per namespace")
    args = parser.parse_args()
    if args.end % MINUTE:
        parser.error("--end must be a multiple of 60")
    writer = Writer(sys.stdout)
    if args.mode == "demo":
        demo(writer, args.end)
    else:
        bench(writer, args.end, args.namespaces, args.deployments)
    writer.end()


if __name__ == "__main__":
    main()
