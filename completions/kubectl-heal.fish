function __kubectl-heal_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kubectl-heal_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __kubectl-heal_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kubectl-heal_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __kubectl-heal_parse_tokens -S
    set -l unparsed_tokens (__kubectl-heal_tokens -pc)
    switch $unparsed_tokens[1]
    case 'kubectl-heal'
        __kubectl-heal_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'diagnose'
            __kubectl-heal_parse_subcommand -r 1 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'A/all-namespaces' 'l/selector=' 'snapshot=' 'o/output=' 'analyzers=' 'ignore=+' 'config=' 'hygiene' 'exclude-namespace=+' 'min-age=' 'fail-on=' 'explain' 'fix' 'watch' 'yes' 'env=+' 'policy=' 'memory-step=' 'max-memory=' 'verify-for=' 'rollout-timeout=' 'cooldown=' 'max-actions=' 'window=' 'force' 'store=' 'metrics-addr=' 'record-events' 'leader-elect' 'lease-name=' 'lease-namespace=' 'lease-duration=' 'all-contexts' 'contexts-matching=' 'llm-base-url=' 'llm-model=' 'llm-header=+' 'llm-timeout=' 'llm-concurrency=' 'anonymize' 'no-anonymize' 'no-cache' 'require-llm' 'no-llm' 'v/verbose' 'version' 'h/help'
        case 'timeline'
            __kubectl-heal_parse_subcommand 1 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'snapshot=' 'since=' 'o/output=' 'watch' 'store=' 'all-contexts' 'contexts-matching=' 'v/verbose' 'version' 'h/help'
        case 'failover'
            __kubectl-heal_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'switch'
                __kubectl-heal_parse_subcommand 1 'label=' 'to=' 'replicas=' 'timeout=' 'force' 'scale-down-old-after=' 'keep-old' 'reason=' 'apply' 'dry-run' 'yes' 'policy=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'o/output=' 'v/verbose' 'version' 'h/help'
            case 'status'
                __kubectl-heal_parse_subcommand 1 'label=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'o/output=' 'v/verbose' 'version' 'h/help'
            case 'watch'
                __kubectl-heal_parse_subcommand 1 'label=' 'trigger=' 'for=' 'failback' 'stable-for=' 'max-failovers=' 'per=' 'replicas=' 'timeout=' 'force' 'scale-down-old-after=' 'apply' 'leader-elect' 'lease-name=' 'metrics-addr=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'o/output=' 'v/verbose' 'version' 'h/help'
            end
        case 'recommend-limits'
            __kubectl-heal_parse_subcommand 1 'A/all-namespaces' 'l/selector=' 'snapshot=' 'exclude-namespace=+' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'o/output=' 'fail-on=' 'usage-source=' 'history=' 'step=' 'sample=' 'every=' 'prometheus-url=' 'prometheus-header=+' 'prometheus-token-file=' 'prometheus-user=' 'prometheus-ca-file=' 'prometheus-insecure-skip-tls-verify' 'prometheus-client-certificate=' 'prometheus-client-key=' 'cpu-percentile=' 'cpu-limit-percentile=' 'memory-buffer=' 'min-cpu=' 'min-memory=' 'apply' 'yes' 'force' 'policy=' 'verify-for=' 'rollout-timeout=' 'store=' 'all-contexts' 'contexts-matching=' 'v/verbose' 'version' 'h/help'
        case 'cost'
            __kubectl-heal_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'workloads'
                __kubectl-heal_parse_subcommand 1 'A/all-namespaces' 'l/selector=' 'snapshot=' 'exclude-namespace=+' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'o/output=' 'cpu-price=' 'memory-price=' 'hours-per-month=' 'pricing=' 'usage-source=' 'history=' 'step=' 'sample=' 'every=' 'prometheus-url=' 'prometheus-header=+' 'prometheus-token-file=' 'prometheus-user=' 'prometheus-ca-file=' 'prometheus-insecure-skip-tls-verify' 'prometheus-client-certificate=' 'prometheus-client-key=' 'all-contexts' 'contexts-matching=' 'v/verbose' 'version' 'h/help'
            case 'scenarios'
                __kubectl-heal_parse_subcommand 1 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'snapshot=' 'o/output=' 'preset=' 'baseline=' 'cpu-per-pod=' 'memory-per-pod=' 'replicas=' 'min-replicas=' 'peak-replicas=' 'peak-hours=' 'off-hours=' 'days-per-month=' 'standby-replicas=' 'cpu-price=' 'memory-price=' 'hours-per-month=' 'pricing=' 'usage-source=' 'history=' 'step=' 'sample=' 'every=' 'prometheus-url=' 'prometheus-header=+' 'prometheus-token-file=' 'prometheus-user=' 'prometheus-ca-file=' 'prometheus-insecure-skip-tls-verify' 'prometheus-client-certificate=' 'prometheus-client-key=' 'cpu-percentile=' 'cpu-limit-percentile=' 'memory-buffer=' 'min-cpu=' 'min-memory=' 'v/verbose' 'version' 'h/help'
            end
        case 'learn'
            __kubectl-heal_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __kubectl-heal_parse_subcommand 0 'store=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'v/verbose' 'o/output=' 'version' 'h/help'
            case 'show'
                __kubectl-heal_parse_subcommand 1 'store=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'v/verbose' 'o/output=' 'version' 'h/help'
            case 'stats'
                __kubectl-heal_parse_subcommand 0 'store=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'v/verbose' 'o/output=' 'version' 'h/help'
            case 'forget'
                __kubectl-heal_parse_subcommand 1 'store=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'v/verbose' 'o/output=' 'version' 'h/help'
            case 'reset'
                __kubectl-heal_parse_subcommand 0 'yes' 'store=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'v/verbose' 'o/output=' 'version' 'h/help'
            case 'prune'
                __kubectl-heal_parse_subcommand 0 'older-than=' 'store=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'v/verbose' 'o/output=' 'version' 'h/help'
            case 'export'
                __kubectl-heal_parse_subcommand 1 'store=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'v/verbose' 'version' 'h/help'
            case 'import'
                __kubectl-heal_parse_subcommand 1 'store=' 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'v/verbose' 'o/output=' 'version' 'h/help'
            end
        case 'mcp'
            __kubectl-heal_parse_subcommand 0 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'allowed-namespaces=+' 'allow-mutations' 'policy=' 'verify-for=' 'rollout-timeout=' 'config=' 'store=' 'prometheus-url=' 'prometheus-header=+' 'prometheus-token-file=' 'prometheus-user=' 'prometheus-ca-file=' 'prometheus-insecure-skip-tls-verify' 'prometheus-client-certificate=' 'prometheus-client-key=' 'cpu-price=' 'memory-price=' 'hours-per-month=' 'pricing=' 'llm-base-url=' 'llm-model=' 'llm-header=+' 'llm-timeout=' 'llm-concurrency=' 'anonymize' 'no-anonymize' 'no-cache' 'require-llm' 'no-llm' 'v/verbose' 'version' 'h/help'
        case 'help'
            __kubectl-heal_parse_subcommand -r 1 'version'
        end
    end
end

function __kubectl-heal_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __kubectl-heal_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __kubectl-heal_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __kubectl-heal_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__kubectl-heal_tokens -p)
    if test -z "$(__kubectl-heal_tokens -t)"
        set -l index (count (__kubectl-heal_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'kubectl-heal' -f
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'diagnose' -d 'Find why pods, workloads, Services and nodes are broken, with evidence and a proposed fix.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'timeline' -d 'What happened to a workload, in time order, and which change probably set it off.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'failover' -d 'Switch a Service between blue/green Deployments safely: scale the standby, wait Ready, switch, verify, roll back.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'recommend-limits' -d 'Right-size CPU and memory requests/limits from Prometheus or metrics-server usage (OOM-aware).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'cost' -d 'Price workloads and resilience strategies (always-on, blue/green, peak scaling, scale-to-zero, right-sized).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'learn' -d 'Manage the memory of fixes that worked: list, show, stats, forget, reset, prune, export, import.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'mcp' -d 'Serve diagnose, timeline, failover, recommend-limits, cost and learn as Model Context Protocol tools over stdio, for AI agents.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" A all-namespaces' -s 'A' -l 'all-namespaces' -d 'Work on every namespace (-n is ignored).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" l selector' -s 'l' -l 'selector' -d 'Report only on objects (or their owners) with these labels, e.g. app=web,tier!=cache.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" snapshot' -l 'snapshot' -d 'Analyse files instead of a live cluster: `kubectl get -o json|yaml` output or a `kubectl cluster-info dump` folder.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table wide json yaml junit markdown html'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" analyzers' -l 'analyzers' -d 'Run only these analyzers or groups (comma-separated).' -rfka 'pod-crash-loop pod-oom image-pull container-config container-start init-container pod-scheduling pod-eviction pod-creating pod-readiness pod-liveness pod-restarts pod-exit deployment replicaset statefulset daemonset job cronjob pdb workload-status image-pull-secret service ingress networkpolicy webhook gateway hpa node pvc pv hygiene-probes hygiene-resources hygiene-image-tag hygiene-single-replica hygiene-pdb pods workloads network autoscaling nodes storage hygiene'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose"' -l 'ignore' -d 'Leave findings with these codes out of the report (comma-separated, repeatable; * for all); the summary counts them and -o wide, json, yaml, markdown, junit and html list them.' -rfka 'crash-loop oom-killed liveness-probe-restarts post-start-hook-failed missing-env-vars dependency-connection-refused permission-denied missing-file exec-format-error jvm-out-of-memory application-panic image-tag-not-found image-not-found image-pull-unauthorized invalid-image-name image-never-pulled image-pull-failed container-config-error create-container-error run-container-error pre-start-hook-failed init-container-failed unschedulable scheduling-gated evicted volume-mount-failed pod-sandbox-failed container-creating-stuck container-creating readiness-probe-failing pod-starting high-restart-count non-zero-exit deployment-unavailable progress-deadline-exceeded replicaset-create-failed replicaset-not-ready statefulset-not-ready statefulset-service-missing statefulset-storage-class-missing daemonset-not-ready job-failed job-suspended cronjob-invalid-schedule cronjob-missed-schedule cronjob-suspended pdb-blocks-eviction pdb-no-matching-pods pdb-overlapping workload-status-stale image-pull-secret-missing service-no-matching-pods service-no-ready-endpoints service-target-port-mismatch ingress-class-missing ingress-backend-missing ingress-backend-port-mismatch ingress-tls-secret-missing networkpolicy-no-matching-pods webhook-service-missing webhook-no-endpoints gateway-class-missing httproute-backend-missing hpa-target-missing hpa-cannot-scale hpa-metrics-unavailable hpa-missing-requests hpa-at-max hpa-max-exceeds-capacity node-not-ready node-pressure node-network-unavailable node-cordoned pvc-pending pvc-lost pv-failed pv-released missing-probes missing-resources image-latest-tag single-replica-service missing-pdb'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" config' -l 'config' -d 'Suppression and severity rules (YAML). Default: ./.kubectl-heal.yaml, else $XDG_CONFIG_HOME/kubectl-heal/config.yaml.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" hygiene' -l 'hygiene' -d 'Also run the hygiene checks (info severity: probes, requests/limits, :latest, single replicas, PDBs).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose"' -l 'exclude-namespace' -d 'Skip this namespace (repeatable).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" min-age' -l 'min-age' -d 'Hide problems younger than this (e.g. 5m, 1h).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" fail-on' -l 'fail-on' -d 'Exit 1 when a finding is at or above this severity (default: findings never fail).' -rfka 'info warning critical'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" explain' -l 'explain' -d 'Add an LLM explanation and fix steps per finding (needs an OpenAI-compatible endpoint: --llm-base-url, --llm-model).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" fix' -l 'fix' -d 'Apply the safe remediations (plan, dry run, apply, verify, roll back).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" watch' -l 'watch' -d 'Keep running: diagnose changes as they happen (with --fix, heal them).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" yes' -l 'yes' -d 'Do not ask for confirmation before applying fixes (for scripts); a --policy deny still wins.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose"' -l 'env' -d 'A value for a missing environment variable: NAME=VALUE, NAME=secret:SECRET/KEY or NAME=configmap:CONFIGMAP/KEY (repeatable). The only values set-env uses.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" policy' -l 'policy' -d 'Which actions may run without confirmation, per namespace and label (YAML; see the README).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" memory-step' -l 'memory-step' -d 'How far each memory step goes after an OOM kill: bump = max(+100Mi, ×1.2), double = ×2.' -rfka 'bump double'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" max-memory' -l 'max-memory' -d 'No memory limit is raised above this.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" verify-for' -l 'verify-for' -d 'How long the new pods must stay Ready without a restart before a fix counts as verified.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" rollout-timeout' -l 'rollout-timeout' -d 'How long a fix\'s rollout may take before it counts as failed and is rolled back.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" cooldown' -l 'cooldown' -d 'After acting on a workload, leave its next incident alone for this long.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" max-actions' -l 'max-actions' -d 'At most this many actions per --window.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" window' -l 'window' -d 'The window --max-actions counts over.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" force' -l 'force' -d 'Also act on objects managed by Argo CD or Flux (their sync will revert the change unless Git is fixed too).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" metrics-addr' -l 'metrics-addr' -d 'With --watch: serve Prometheus metrics on HOST:PORT (:PORT for every interface), with /healthz and /readyz for probes.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" record-events' -l 'record-events' -d 'With --watch: post a Warning Event (HealProblemDetected) on the workload of each new problem, at most 30 a minute.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" leader-elect' -l 'leader-elect' -d 'With --watch: heal only while holding a coordination.k8s.io Lease; other replicas watch and take over when it lapses.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" lease-name' -l 'lease-name' -d 'The Lease for --leader-elect.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" lease-namespace' -l 'lease-namespace' -d 'The Lease\'s namespace (default: $POD_NAMESPACE in a pod, else the context\'s namespace).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" lease-duration' -l 'lease-duration' -d 'How long a Lease not renewed stays its holder\'s (e.g. 15s); standbys retry every 2/15 of it.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" all-contexts' -l 'all-contexts' -d 'Work on every context of the kubeconfig, a few clusters at a time (--context a,b,c names some).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" contexts-matching' -l 'contexts-matching' -d 'Only the contexts whose name matches this regular expression (with --all-contexts, or alone).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" llm-base-url' -l 'llm-base-url' -d 'An OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp, LocalAI); /v1 is appended when missing. Default: $KUBECTL_HEAL_LLM_BASE_URL, else $OPENAI_BASE_URL.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" llm-model' -l 'llm-model' -d 'The model to ask. Default: $KUBECTL_HEAL_LLM_MODEL.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose"' -l 'llm-header' -d 'An extra header for the endpoint, NAME: VALUE (repeatable; also $KUBECTL_HEAL_LLM_HEADERS, one per line). The API key is read from the environment only (see the README).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" llm-timeout' -l 'llm-timeout' -d 'How long one LLM request may take.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" llm-concurrency' -l 'llm-concurrency' -d 'At most this many LLM requests at once.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" anonymize' -l 'anonymize' -d 'Mask names, namespaces, IPs, hosts, registries and secret-looking values before anything is sent, and restore them in the answer.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" no-anonymize' -l 'no-anonymize' -d 'Mask names, namespaces, IPs, hosts, registries and secret-looking values before anything is sent, and restore them in the answer.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" no-cache' -l 'no-cache' -d 'Ask the LLM again instead of reusing answers cached on disk.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" require-llm' -l 'require-llm' -d 'Exit 69 when the LLM cannot answer (the rule-based result is still printed).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" no-llm' -l 'no-llm' -d 'Never call an LLM, even when one is configured in the environment.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" snapshot' -l 'snapshot' -d 'Read files instead of a live cluster: `kubectl get -o json|yaml` output or a `kubectl cluster-info dump` folder.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" since' -l 'since' -d 'How far back to look (e.g. 30m, 6h, 2d).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table wide json yaml markdown html'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" watch' -l 'watch' -d 'Keep watching and print each new entry as it happens, until interrupted (live clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" all-contexts' -l 'all-contexts' -d 'Work on every context of the kubeconfig, a few clusters at a time (--context a,b,c names some).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" contexts-matching' -l 'contexts-matching' -d 'Only the contexts whose name matches this regular expression (with --all-contexts, or alone).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal timeline" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal failover" -eq 1' -fa 'switch' -d 'Plan a switch to the standby colour; with --apply, scale it, wait Ready, switch, verify, roll back on failure.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal failover" -eq 1' -fa 'status' -d 'Show which colour serves, each colour\'s Deployment and endpoints, the verdict and the recommended action.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal failover" -eq 1' -fa 'watch' -d 'Watch a blue/green Service and fail over when the active colour loses its endpoints (and back when it recovers).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" label' -l 'label' -d 'The selector key that names the colour (default: discovered from the selector and the Deployments it could match).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" to' -l 'to' -d 'The colour to switch to (default: the only other colour).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" replicas' -l 'replicas' -d 'Ready pods wanted on the new colour before the switch (default: the active colour\'s replicas, at least 1).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" timeout' -l 'timeout' -d 'How long to wait for the standby to get Ready, and again for the switch to verify.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" force' -l 'force' -d 'Act on a Service or Deployments managed by Argo CD or Flux (their auto-sync may revert the switch).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" scale-down-old-after' -l 'scale-down-old-after' -d 'Scale the old colour to 0 this long after a verified switch.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" keep-old' -l 'keep-old' -d 'Leave the old colour\'s replicas as they are.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" reason' -l 'reason' -d 'Why, for the Service\'s annotation and Events.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" apply' -l 'apply' -d 'Carry the plan out (default: print it and change nothing).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" dry-run' -l 'dry-run' -d 'Print the plan and change nothing (the default; conflicts with --apply).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" yes' -l 'yes' -d 'Do not ask for confirmation (for scripts).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" policy' -l 'policy' -d 'With --apply: refuse when this healing policy denies scale on either colour\'s Deployment.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover switch" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" label' -l 'label' -d 'The selector key that names the colour (default: discovered from the selector and the Deployments it could match).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" label' -l 'label' -d 'The selector key that names the colour (default: discovered from the selector and the Deployments it could match).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" trigger' -l 'trigger' -d 'What makes the active colour fail: no ready endpoint, or fewer ready endpoints than replicas.' -rfka 'no-endpoints not-ready'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" for' -l 'for' -d 'How long the trigger must hold before failing over.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" failback' -l 'failback' -d 'Switch back to the original colour once it is stable again.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" stable-for' -l 'stable-for' -d 'How long the original colour must stay Ready before failing back.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" max-failovers' -l 'max-failovers' -d 'At most this many switches (failovers and fail-backs) per --per window.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" per' -l 'per' -d 'The window for --max-failovers.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" replicas' -l 'replicas' -d 'Ready pods wanted on the new colour before the switch (default: the active colour\'s replicas, at least 1).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" timeout' -l 'timeout' -d 'How long to wait for the standby to get Ready, and again for the switch to verify.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" force' -l 'force' -d 'Act on a Service or Deployments managed by Argo CD or Flux (their auto-sync may revert the switch).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" scale-down-old-after' -l 'scale-down-old-after' -d 'Scale the old colour to 0 this long after a verified failover (default: keep it; not with --failback).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" apply' -l 'apply' -d 'Act on decisions (default: report what would be done).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" leader-elect' -l 'leader-elect' -d 'Act only while holding a coordination.k8s.io Lease (for several replicas).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" lease-name' -l 'lease-name' -d 'The Lease for --leader-elect (default: kubectl-heal-failover-SERVICE).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" metrics-addr' -l 'metrics-addr' -d 'Serve Prometheus metrics on HOST:PORT (:PORT for every interface): switches, resumed watches.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" o output' -l 'output' -s 'o' -d 'Output format: table (one sentence per decision) or json (one document per line).' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover watch" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" A all-namespaces' -s 'A' -l 'all-namespaces' -d 'Work on every namespace (-n is ignored).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" l selector' -s 'l' -l 'selector' -d 'Report only on objects (or their owners) with these labels, e.g. app=web,tier!=cache.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" snapshot' -l 'snapshot' -d 'Read workloads from files instead of a live cluster (`kubectl get -o json|yaml` output or a `kubectl cluster-info dump` folder).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits"' -l 'exclude-namespace' -d 'Skip this namespace (repeatable).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table wide json yaml csv patch'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" fail-on' -l 'fail-on' -d 'Exit 1 when a container\'s change is at or above this severity (good, ok, warning, critical).' -rfka 'unknown good ok warning critical'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" usage-source' -l 'usage-source' -d 'Where usage comes from: auto (--prometheus-url, else a Prometheus found in the cluster, else metrics-server), prometheus, metrics-server or none.' -rfka 'auto prometheus metrics-server none'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" history' -l 'history' -d 'How much Prometheus history to read, e.g. 14d, 36h.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" step' -l 'step' -d 'Resolution of the Prometheus history, e.g. 1m, 5m.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" sample' -l 'sample' -d 'With metrics-server: keep sampling for this long (e.g. 10m) to build a short local history.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" every' -l 'every' -d 'With --sample: the interval between metrics-server samples.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" prometheus-url' -l 'prometheus-url' -d 'Prometheus base URL (default: look for a Prometheus Service in the cluster and go through the API server\'s proxy).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits"' -l 'prometheus-header' -d 'An extra header for every Prometheus request, e.g. \'X-Scope-OrgID: team-a\' (repeatable).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" prometheus-token-file' -l 'prometheus-token-file' -d 'Send the bearer token in this file (default: $KUBECTL_HEAL_PROMETHEUS_TOKEN).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" prometheus-user' -l 'prometheus-user' -d 'Basic-auth user; the password comes from $KUBECTL_HEAL_PROMETHEUS_PASSWORD.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" prometheus-ca-file' -l 'prometheus-ca-file' -d 'Verify Prometheus\' certificate with this CA bundle.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" prometheus-insecure-skip-tls-verify' -l 'prometheus-insecure-skip-tls-verify' -d 'Do not verify Prometheus\' certificate (insecure).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" prometheus-client-certificate' -l 'prometheus-client-certificate' -d 'Present this client certificate to Prometheus (with --prometheus-client-key).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" prometheus-client-key' -l 'prometheus-client-key' -d 'The key of --prometheus-client-certificate.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" cpu-percentile' -l 'cpu-percentile' -d 'CPU request = this percentile of CPU usage.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" cpu-limit-percentile' -l 'cpu-limit-percentile' -d 'Also set a CPU limit at this percentile of usage (default: no CPU limit).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" memory-buffer' -l 'memory-buffer' -d 'Memory request = limit = peak usage plus this many percent.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" min-cpu' -l 'min-cpu' -d 'Never recommend a CPU request below this.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" min-memory' -l 'min-memory' -d 'Never recommend memory below this.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" apply' -l 'apply' -d 'Apply the recommendations to Deployments (plan, dry run, patch, verify the rollout, roll back).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" yes' -l 'yes' -d 'With --apply: do not ask for confirmation (for scripts).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" force' -l 'force' -d 'With --apply: also change objects managed by Argo CD or Flux (their sync will revert it unless Git changes too).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" policy' -l 'policy' -d 'With --apply: the healing policy that decides set-resources per workload (allow: no confirmation; deny: never).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" verify-for' -l 'verify-for' -d 'With --apply: how long the new pods must stay Ready without a restart.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" rollout-timeout' -l 'rollout-timeout' -d 'With --apply: how long a rollout may take before it is rolled back.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" all-contexts' -l 'all-contexts' -d 'Work on every context of the kubeconfig, a few clusters at a time (--context a,b,c names some).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" contexts-matching' -l 'contexts-matching' -d 'Only the contexts whose name matches this regular expression (with --all-contexts, or alone).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal cost" -eq 1' -fa 'workloads' -d 'Monthly cost per workload, per namespace and in total, with the idle (requested but unused) part.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal cost" -eq 1' -fa 'scenarios' -d 'Monthly cost of resilience strategies for one workload, and the savings against a baseline.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" A all-namespaces' -s 'A' -l 'all-namespaces' -d 'Work on every namespace (-n is ignored).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" l selector' -s 'l' -l 'selector' -d 'Report only on objects (or their owners) with these labels, e.g. app=web,tier!=cache.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" snapshot' -l 'snapshot' -d 'Read workloads from files instead of a live cluster (`kubectl get -o json|yaml` output or a `kubectl cluster-info dump` folder).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads"' -l 'exclude-namespace' -d 'Skip this namespace (repeatable).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml csv'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" cpu-price' -l 'cpu-price' -d 'Price of one vCPU for one hour (default 0.031611).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" memory-price' -l 'memory-price' -d 'Price of one GiB of memory for one hour (default 0.004237).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" hours-per-month' -l 'hours-per-month' -d 'Hours billed per month (default 730).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" pricing' -l 'pricing' -d 'Prices per node pool and namespace, spot discounts (YAML; see docs/pricing.md). Flags override its defaults.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" usage-source' -l 'usage-source' -d 'Where usage comes from: auto (--prometheus-url, else a Prometheus found in the cluster, else metrics-server), prometheus, metrics-server or none.' -rfka 'auto prometheus metrics-server none'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" history' -l 'history' -d 'How much Prometheus history to read, e.g. 14d, 36h.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" step' -l 'step' -d 'Resolution of the Prometheus history, e.g. 1m, 5m.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" sample' -l 'sample' -d 'With metrics-server: keep sampling for this long (e.g. 10m) to build a short local history.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" every' -l 'every' -d 'With --sample: the interval between metrics-server samples.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" prometheus-url' -l 'prometheus-url' -d 'Prometheus base URL (default: look for a Prometheus Service in the cluster and go through the API server\'s proxy).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads"' -l 'prometheus-header' -d 'An extra header for every Prometheus request, e.g. \'X-Scope-OrgID: team-a\' (repeatable).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" prometheus-token-file' -l 'prometheus-token-file' -d 'Send the bearer token in this file (default: $KUBECTL_HEAL_PROMETHEUS_TOKEN).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" prometheus-user' -l 'prometheus-user' -d 'Basic-auth user; the password comes from $KUBECTL_HEAL_PROMETHEUS_PASSWORD.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" prometheus-ca-file' -l 'prometheus-ca-file' -d 'Verify Prometheus\' certificate with this CA bundle.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" prometheus-insecure-skip-tls-verify' -l 'prometheus-insecure-skip-tls-verify' -d 'Do not verify Prometheus\' certificate (insecure).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" prometheus-client-certificate' -l 'prometheus-client-certificate' -d 'Present this client certificate to Prometheus (with --prometheus-client-key).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" prometheus-client-key' -l 'prometheus-client-key' -d 'The key of --prometheus-client-certificate.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" all-contexts' -l 'all-contexts' -d 'Work on every context of the kubeconfig, a few clusters at a time (--context a,b,c names some).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" contexts-matching' -l 'contexts-matching' -d 'Only the contexts whose name matches this regular expression (with --all-contexts, or alone).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost workloads" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" snapshot' -l 'snapshot' -d 'Read the workload from files instead of a live cluster.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" preset' -l 'preset' -d 'Reproduce a known calculator: demo (0.1 vCPU per pod at $0.12 per vCPU-hour, memory not priced, 730 h).' -rfka 'demo'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" baseline' -l 'baseline' -d 'Savings are against this scenario: always-on, blue-green, peak-scaling, scale-to-zero, right-sized, warm-standby or cold-standby.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" cpu-per-pod' -l 'cpu-per-pod' -d 'Without a TARGET: CPU one pod requests, e.g. 250m.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" memory-per-pod' -l 'memory-per-pod' -d 'Without a TARGET: memory one pod requests, e.g. 256Mi.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" replicas' -l 'replicas' -d 'Without a TARGET: replicas always on (default 1).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" min-replicas' -l 'min-replicas' -d 'Replicas off-peak (default: the HPA\'s minimum, else 1).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" peak-replicas' -l 'peak-replicas' -d 'Replicas during the peak hours (default: the HPA\'s maximum, else the replicas).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" peak-hours' -l 'peak-hours' -d 'Peak hours per day.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" off-hours' -l 'off-hours' -d 'Hours per day scaled to zero.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" days-per-month' -l 'days-per-month' -d 'Days per month the daily schedule repeats.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" standby-replicas' -l 'standby-replicas' -d 'Replicas the standby colour keeps running in the warm-standby scenario.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" cpu-price' -l 'cpu-price' -d 'Price of one vCPU for one hour (default 0.031611).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" memory-price' -l 'memory-price' -d 'Price of one GiB of memory for one hour (default 0.004237).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" hours-per-month' -l 'hours-per-month' -d 'Hours billed per month (default 730).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" pricing' -l 'pricing' -d 'Prices per node pool and namespace, spot discounts (YAML; see docs/pricing.md). Flags override its defaults.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" usage-source' -l 'usage-source' -d 'Where usage comes from: auto (--prometheus-url, else a Prometheus found in the cluster, else metrics-server), prometheus, metrics-server or none.' -rfka 'auto prometheus metrics-server none'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" history' -l 'history' -d 'How much Prometheus history to read, e.g. 14d, 36h.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" step' -l 'step' -d 'Resolution of the Prometheus history, e.g. 1m, 5m.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" sample' -l 'sample' -d 'With metrics-server: keep sampling for this long (e.g. 10m) to build a short local history.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" every' -l 'every' -d 'With --sample: the interval between metrics-server samples.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" prometheus-url' -l 'prometheus-url' -d 'Prometheus base URL (default: look for a Prometheus Service in the cluster and go through the API server\'s proxy).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios"' -l 'prometheus-header' -d 'An extra header for every Prometheus request, e.g. \'X-Scope-OrgID: team-a\' (repeatable).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" prometheus-token-file' -l 'prometheus-token-file' -d 'Send the bearer token in this file (default: $KUBECTL_HEAL_PROMETHEUS_TOKEN).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" prometheus-user' -l 'prometheus-user' -d 'Basic-auth user; the password comes from $KUBECTL_HEAL_PROMETHEUS_PASSWORD.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" prometheus-ca-file' -l 'prometheus-ca-file' -d 'Verify Prometheus\' certificate with this CA bundle.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" prometheus-insecure-skip-tls-verify' -l 'prometheus-insecure-skip-tls-verify' -d 'Do not verify Prometheus\' certificate (insecure).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" prometheus-client-certificate' -l 'prometheus-client-certificate' -d 'Present this client certificate to Prometheus (with --prometheus-client-key).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" prometheus-client-key' -l 'prometheus-client-key' -d 'The key of --prometheus-client-certificate.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" cpu-percentile' -l 'cpu-percentile' -d 'CPU request = this percentile of CPU usage.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" cpu-limit-percentile' -l 'cpu-limit-percentile' -d 'Also set a CPU limit at this percentile of usage (default: no CPU limit).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" memory-buffer' -l 'memory-buffer' -d 'Memory request = limit = peak usage plus this many percent.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" min-cpu' -l 'min-cpu' -d 'Never recommend a CPU request below this.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" min-memory' -l 'min-memory' -d 'Never recommend memory below this.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost scenarios" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal learn" -eq 1' -fa 'list' -d 'List the learned patterns: fingerprint, action, successes, failures, success rate, last used.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal learn" -eq 1' -fa 'show' -d 'Show one pattern (by id or a unique prefix of 4+ characters) with its learned values and attempts.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal learn" -eq 1' -fa 'stats' -d 'Show incidents handled, fixed and unresolved, attempt outcomes, mean time to detect and repair, LLM calls avoided.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal learn" -eq 1' -fa 'forget' -d 'Delete one pattern and its attempts, so the next identical incident is planned afresh.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal learn" -eq 1' -fa 'reset' -d 'Delete every pattern and attempt in the store (asks first on a terminal; --yes for scripts).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal learn" -eq 1' -fa 'prune' -d 'Delete attempts older than a duration, and patterns not used since; pattern counts keep counting them.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal learn" -eq 1' -fa 'export' -d 'Write the whole memory (patterns and attempts) to FILE, to share or back up; `-` writes to stdout.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal learn" -eq 1' -fa 'import' -d 'Merge a file written by `learn export` into the store: attempts by id, pattern counts without duplicates.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn forget" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" yes' -l 'yes' -d 'Do not ask for confirmation (for scripts).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn reset" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" older-than' -l 'older-than' -d 'Age cutoff, e.g. 90d, 12h, 30m.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn prune" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal learn export" -eq 1' -F
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal learn import" -eq 1' -F
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table json yaml'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" n namespace' -l 'namespace' -s 'n' -d 'The namespace to work in (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp"' -l 'allowed-namespaces' -d 'The only namespaces tool calls may use (comma-separated or repeated; default: the one -n names, else any).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" allow-mutations' -l 'allow-mutations' -d 'Offer the mutating tools apply_fix, failover_apply and apply_limits.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" policy' -l 'policy' -d 'What the mutating tools may do, per namespace and label (the healing policy file; see the README).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" verify-for' -l 'verify-for' -d 'apply_fix and apply_limits: how long new pods must stay Ready without a restart before a change counts as verified.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" rollout-timeout' -l 'rollout-timeout' -d 'apply_fix and apply_limits: how long a rollout may take before it is rolled back.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" config' -l 'config' -d 'Suppression and severity rules (YAML). Default: ./.kubectl-heal.yaml, else $XDG_CONFIG_HOME/kubectl-heal/config.yaml.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" store' -l 'store' -d 'The memory of fixes: a SQLite file path, or configmap://NAMESPACE/NAME to share it through the cluster (default: $KUBECTL_HEAL_STORE, else $XDG_STATE_HOME/kubectl-heal/memory.sqlite).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" prometheus-url' -l 'prometheus-url' -d 'Prometheus base URL (default: look for a Prometheus Service in the cluster and go through the API server\'s proxy).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp"' -l 'prometheus-header' -d 'An extra header for every Prometheus request, e.g. \'X-Scope-OrgID: team-a\' (repeatable).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" prometheus-token-file' -l 'prometheus-token-file' -d 'Send the bearer token in this file (default: $KUBECTL_HEAL_PROMETHEUS_TOKEN).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" prometheus-user' -l 'prometheus-user' -d 'Basic-auth user; the password comes from $KUBECTL_HEAL_PROMETHEUS_PASSWORD.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" prometheus-ca-file' -l 'prometheus-ca-file' -d 'Verify Prometheus\' certificate with this CA bundle.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" prometheus-insecure-skip-tls-verify' -l 'prometheus-insecure-skip-tls-verify' -d 'Do not verify Prometheus\' certificate (insecure).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" prometheus-client-certificate' -l 'prometheus-client-certificate' -d 'Present this client certificate to Prometheus (with --prometheus-client-key).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" prometheus-client-key' -l 'prometheus-client-key' -d 'The key of --prometheus-client-certificate.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" cpu-price' -l 'cpu-price' -d 'Price of one vCPU for one hour (default 0.031611).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" memory-price' -l 'memory-price' -d 'Price of one GiB of memory for one hour (default 0.004237).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" hours-per-month' -l 'hours-per-month' -d 'Hours billed per month (default 730).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" pricing' -l 'pricing' -d 'Prices per node pool and namespace, spot discounts (YAML; see docs/pricing.md). Flags override its defaults.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" llm-base-url' -l 'llm-base-url' -d 'An OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp, LocalAI); /v1 is appended when missing. Default: $KUBECTL_HEAL_LLM_BASE_URL, else $OPENAI_BASE_URL.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" llm-model' -l 'llm-model' -d 'The model to ask. Default: $KUBECTL_HEAL_LLM_MODEL.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp"' -l 'llm-header' -d 'An extra header for the endpoint, NAME: VALUE (repeatable; also $KUBECTL_HEAL_LLM_HEADERS, one per line). The API key is read from the environment only (see the README).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" llm-timeout' -l 'llm-timeout' -d 'How long one LLM request may take.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" llm-concurrency' -l 'llm-concurrency' -d 'At most this many LLM requests at once.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" anonymize' -l 'anonymize' -d 'Mask names, namespaces, IPs, hosts, registries and secret-looking values before anything is sent, and restore them in the answer.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" no-anonymize' -l 'no-anonymize' -d 'Mask names, namespaces, IPs, hosts, registries and secret-looking values before anything is sent, and restore them in the answer.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" no-cache' -l 'no-cache' -d 'Ask the LLM again instead of reusing answers cached on disk.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" require-llm' -l 'require-llm' -d 'Exit 69 when the LLM cannot answer (the rule-based result is still printed).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" no-llm' -l 'no-llm' -d 'Never call an LLM, even when one is configured in the environment.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal mcp" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal help" version' -l 'version' -d 'Show the version.'
