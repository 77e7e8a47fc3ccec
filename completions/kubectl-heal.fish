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
            __kubectl-heal_parse_subcommand -r 1 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'A/all-namespaces' 'l/selector=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'snapshot=' 'o/output=' 'analyzers=' 'hygiene' 'exclude-namespace=+' 'min-age=' 'fail-on=' 'explain' 'fix' 'watch' 'yes' 'v/verbose' 'version' 'h/help'
        case 'failover'
            __kubectl-heal_parse_subcommand 1 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'A/all-namespaces' 'l/selector=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'version' 'h/help'
        case 'recommend-limits'
            __kubectl-heal_parse_subcommand 1 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'A/all-namespaces' 'l/selector=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'version' 'h/help'
        case 'cost'
            __kubectl-heal_parse_subcommand 1 'kubeconfig=' 'context=' 'cluster=' 'user=' 'n/namespace=' 'A/all-namespaces' 'l/selector=' 'as=' 'as-group=+' 'request-timeout=' 'insecure-skip-tls-verify' 'version' 'h/help'
        case 'learn'
            __kubectl-heal_parse_subcommand 1 'version' 'h/help'
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
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'failover' -d 'Switch a Service between blue/green Deployments safely: scale the standby, wait Ready, switch, verify, roll back.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'recommend-limits' -d 'Right-size CPU and memory requests/limits from Prometheus or metrics-server usage (OOM-aware).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'cost' -d 'Price workloads and resilience strategies (always-on, blue/green, peak scaling, scale-to-zero, right-sized).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'learn' -d 'Manage the memory of fixes that worked: list, show, stats, forget, reset, prune, export, import.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_positional "kubectl-heal" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" n namespace' -l 'namespace' -s 'n' -d 'Namespace to diagnose (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" A all-namespaces' -s 'A' -l 'all-namespaces' -d 'Diagnose every namespace (-n is ignored).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" l selector' -s 'l' -l 'selector' -d 'Report only on objects (or their owners) with these labels, e.g. app=web,tier!=cache.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" snapshot' -l 'snapshot' -d 'Analyse files instead of a live cluster: `kubectl get -o json|yaml` output or a `kubectl cluster-info dump` folder.' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" o output' -l 'output' -s 'o' -d 'Output format.' -rfka 'table wide json yaml junit markdown'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" analyzers' -l 'analyzers' -d 'Run only these analyzers or groups (comma-separated).' -rfka 'pod-crash-loop pod-oom image-pull container-config container-start init-container pod-scheduling pod-eviction pod-creating pod-readiness pod-liveness pod-restarts pod-exit deployment replicaset statefulset daemonset job service ingress hpa node pvc hygiene-probes hygiene-resources hygiene-image-tag hygiene-single-replica hygiene-pdb pods workloads network autoscaling nodes storage hygiene'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" hygiene' -l 'hygiene' -d 'Also run the hygiene checks (info severity: probes, requests/limits, :latest, single replicas, PDBs).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose"' -l 'exclude-namespace' -d 'Skip this namespace (repeatable).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" min-age' -l 'min-age' -d 'Hide problems younger than this (e.g. 5m, 1h).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" fail-on' -l 'fail-on' -d 'Exit 1 when a finding is at or above this severity (default: findings never fail).' -rfka 'info warning critical'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" explain' -l 'explain' -d 'Add an LLM explanation per finding (needs an OpenAI-compatible endpoint; see the README).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" fix' -l 'fix' -d 'Apply the safe remediations (plan, dry run, apply, verify, roll back).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" watch' -l 'watch' -d 'Keep running: diagnose changes as they happen (with --fix, heal them).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" yes' -l 'yes' -d 'Do not ask for confirmation before applying fixes (for scripts).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose"' -l 'verbose' -s 'v' -d 'More detail on stderr: -v explains what is read and skipped, -vv shows every API request.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal diagnose" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" n namespace' -l 'namespace' -s 'n' -d 'Namespace to diagnose (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" A all-namespaces' -s 'A' -l 'all-namespaces' -d 'Diagnose every namespace (-n is ignored).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" l selector' -s 'l' -l 'selector' -d 'Report only on objects (or their owners) with these labels, e.g. app=web,tier!=cache.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal failover" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" n namespace' -l 'namespace' -s 'n' -d 'Namespace to diagnose (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" A all-namespaces' -s 'A' -l 'all-namespaces' -d 'Diagnose every namespace (-n is ignored).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" l selector' -s 'l' -l 'selector' -d 'Report only on objects (or their owners) with these labels, e.g. app=web,tier!=cache.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal recommend-limits" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" kubeconfig' -l 'kubeconfig' -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).' -rF
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" context' -l 'context' -d 'The kubeconfig context to use.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" cluster' -l 'cluster' -d 'The kubeconfig cluster to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" user' -l 'user' -d 'The kubeconfig user to use (overrides the context\'s).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" n namespace' -l 'namespace' -s 'n' -d 'Namespace to diagnose (default: the context\'s namespace, else default).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" A all-namespaces' -s 'A' -l 'all-namespaces' -d 'Diagnose every namespace (-n is ignored).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" l selector' -s 'l' -l 'selector' -d 'Report only on objects (or their owners) with these labels, e.g. app=web,tier!=cache.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" as' -l 'as' -d 'Impersonate this user (needs the impersonate RBAC verb).' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost"' -l 'as-group' -d 'Impersonate this group; repeat for several.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" request-timeout' -l 'request-timeout' -d 'Time limit per API request, e.g. 30s, 1m; 0 means none.' -rfka ''
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" insecure-skip-tls-verify' -l 'insecure-skip-tls-verify' -d 'Do not verify the API server\'s certificate (insecure; for test clusters only).'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal cost" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal learn" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-heal' -n '__kubectl-heal_should_offer_completions_for_flags_or_options "kubectl-heal help" version' -l 'version' -d 'Show the version.'
