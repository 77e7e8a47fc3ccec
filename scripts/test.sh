#!/usr/bin/env bash
# The test command: installs dependencies, runs the Swift test suites, checks that generated
# files (completions, man page, scenario fixtures) are current, and exercises the built binary
# as a process (exit codes, kubectl plugin completion).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
# Suites that measure real time (watch detection within seconds, rollout verification windows,
# sockets closing promptly)
# run in a second process of their own: with every suite at once, a 2-core runner is saturated
# for a minute and their windows would measure the scheduler instead of the code.
realtime='TimelineClusterTests|LeaderElectionTests|HealerInClusterTests|LiveKindsWatchTests|WatchOutageTests|FakeClusterRollout|FakeClusterRestartTests|FakeClusterAgenticDemoTests|MCPMutationTests|HealWatchTests|FailoverClusterTests|HealClusterTests|HealLLMClusterTests|RecommendLimitsClusterTests|\.WatchTests|FakeClusterWatchTests|HTTPClientStreamingTests|SharedInformersTests|MCPInformerTests'
# Real-time suites that also run the test Prometheus (its queries take both cores for seconds):
# a third process, so they never crowd the windows above.
history='AnomaliesWatchTests|AnomalyRefreshTests'
# Races against a writer every 50 ms (conflict retries): a 2-core runner busy with the other
# real-time suites makes every read-then-write slower than the writer; alone, it measures the code.
races='ControlPlaneTimingTests'
swift test --skip-build --skip "$realtime|$history|$races"
swift test --skip-build --filter "$realtime"
swift test --skip-build --filter "$history"
swift test --skip-build --filter "$races"
scripts/check-generated.sh
scripts/smoke.sh .build/debug/kubectl-heal
