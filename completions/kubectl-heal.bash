#!/bin/bash

__kubectl-heal_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__kubectl-heal_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__kubectl-heal_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__kubectl-heal_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_kubectl-heal() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __kubectl-heal_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    diagnose|timeline|anomalies|forecast|failover|recommend-limits|cost|learn|mcp|help)
        # Offer subcommand argument completions
        "_kubectl-heal_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'diagnose timeline anomalies forecast failover recommend-limits cost learn mcp help' -- "${cur}"))
        ;;
    esac
}

_kubectl-heal_diagnose() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify -A --all-namespaces --hygiene --explain --fix --watch --yes --force --record-events --report-configmaps --leader-elect --anomalies --prometheus-insecure-skip-tls-verify --all-contexts --anonymize --no-anonymize --no-cache --require-llm --no-llm --version -h --help)
    repeating_options=(--as-group --ignore --exclude-namespace --env --prometheus-header --llm-header)
    non_repeating_options=(--kubeconfig --context --cluster --user --namespace -n --as --request-timeout -l --selector --snapshot --output -o --analyzers --config --min-age --fail-on --policy --memory-step --max-memory --verify-for --rollout-timeout --cooldown --max-actions --window --store --metrics-addr --lease-name --lease-namespace --lease-duration --anomaly-window --anomaly-interval --prometheus-url --prometheus-token-file --prometheus-user --prometheus-ca-file --prometheus-client-certificate --prometheus-client-key --contexts-matching --llm-base-url --llm-model --llm-timeout --llm-concurrency)
    __kubectl-heal_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-l'|'--selector')
        return
        ;;
    '--snapshot')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''junit'$'\n''markdown'$'\n''html'
        return
        ;;
    '--analyzers')
        __kubectl-heal_add_completions -W 'pod-crash-loop'$'\n''pod-oom'$'\n''image-pull'$'\n''container-config'$'\n''container-start'$'\n''init-container'$'\n''pod-scheduling'$'\n''pod-eviction'$'\n''pod-creating'$'\n''pod-readiness'$'\n''pod-liveness'$'\n''pod-restarts'$'\n''pod-exit'$'\n''deployment'$'\n''replicaset'$'\n''statefulset'$'\n''daemonset'$'\n''job'$'\n''cronjob'$'\n''pdb'$'\n''workload-status'$'\n''image-pull-secret'$'\n''service'$'\n''ingress'$'\n''networkpolicy'$'\n''webhook'$'\n''gateway'$'\n''hpa'$'\n''node'$'\n''pvc'$'\n''pv'$'\n''hygiene-probes'$'\n''hygiene-resources'$'\n''hygiene-image-tag'$'\n''hygiene-single-replica'$'\n''hygiene-pdb'$'\n''pods'$'\n''workloads'$'\n''network'$'\n''autoscaling'$'\n''nodes'$'\n''storage'$'\n''hygiene'
        return
        ;;
    '--ignore')
        __kubectl-heal_add_completions -W 'crash-loop'$'\n''oom-killed'$'\n''liveness-probe-restarts'$'\n''post-start-hook-failed'$'\n''missing-env-vars'$'\n''dependency-connection-refused'$'\n''permission-denied'$'\n''missing-file'$'\n''exec-format-error'$'\n''jvm-out-of-memory'$'\n''application-panic'$'\n''image-tag-not-found'$'\n''image-not-found'$'\n''image-pull-unauthorized'$'\n''invalid-image-name'$'\n''image-never-pulled'$'\n''image-pull-failed'$'\n''container-config-error'$'\n''create-container-error'$'\n''run-container-error'$'\n''pre-start-hook-failed'$'\n''init-container-failed'$'\n''unschedulable'$'\n''scheduling-gated'$'\n''evicted'$'\n''volume-mount-failed'$'\n''pod-sandbox-failed'$'\n''container-creating-stuck'$'\n''container-creating'$'\n''readiness-probe-failing'$'\n''pod-starting'$'\n''high-restart-count'$'\n''non-zero-exit'$'\n''deployment-unavailable'$'\n''progress-deadline-exceeded'$'\n''replicaset-create-failed'$'\n''replicaset-not-ready'$'\n''statefulset-not-ready'$'\n''statefulset-service-missing'$'\n''statefulset-storage-class-missing'$'\n''daemonset-not-ready'$'\n''job-failed'$'\n''job-suspended'$'\n''cronjob-invalid-schedule'$'\n''cronjob-missed-schedule'$'\n''cronjob-suspended'$'\n''pdb-blocks-eviction'$'\n''pdb-no-matching-pods'$'\n''pdb-overlapping'$'\n''workload-status-stale'$'\n''image-pull-secret-missing'$'\n''service-no-matching-pods'$'\n''service-no-ready-endpoints'$'\n''service-target-port-mismatch'$'\n''ingress-class-missing'$'\n''ingress-backend-missing'$'\n''ingress-backend-port-mismatch'$'\n''ingress-tls-secret-missing'$'\n''networkpolicy-no-matching-pods'$'\n''webhook-service-missing'$'\n''webhook-no-endpoints'$'\n''gateway-class-missing'$'\n''httproute-backend-missing'$'\n''hpa-target-missing'$'\n''hpa-cannot-scale'$'\n''hpa-metrics-unavailable'$'\n''hpa-missing-requests'$'\n''hpa-at-max'$'\n''hpa-max-exceeds-capacity'$'\n''node-not-ready'$'\n''node-pressure'$'\n''node-network-unavailable'$'\n''node-cordoned'$'\n''pvc-pending'$'\n''pvc-lost'$'\n''pv-failed'$'\n''pv-released'$'\n''missing-probes'$'\n''missing-resources'$'\n''image-latest-tag'$'\n''single-replica-service'$'\n''missing-pdb'
        return
        ;;
    '--config')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--exclude-namespace')
        return
        ;;
    '--min-age')
        return
        ;;
    '--fail-on')
        __kubectl-heal_add_completions -W 'info'$'\n''warning'$'\n''critical'
        return
        ;;
    '--env')
        return
        ;;
    '--policy')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--memory-step')
        __kubectl-heal_add_completions -W 'bump'$'\n''double'
        return
        ;;
    '--max-memory')
        return
        ;;
    '--verify-for')
        return
        ;;
    '--rollout-timeout')
        return
        ;;
    '--cooldown')
        return
        ;;
    '--max-actions')
        return
        ;;
    '--window')
        return
        ;;
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--metrics-addr')
        return
        ;;
    '--lease-name')
        return
        ;;
    '--lease-namespace')
        return
        ;;
    '--lease-duration')
        return
        ;;
    '--anomaly-window')
        return
        ;;
    '--anomaly-interval')
        return
        ;;
    '--prometheus-url')
        return
        ;;
    '--prometheus-header')
        return
        ;;
    '--prometheus-token-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-user')
        return
        ;;
    '--prometheus-ca-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-certificate')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-key')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--contexts-matching')
        return
        ;;
    '--llm-base-url')
        return
        ;;
    '--llm-model')
        return
        ;;
    '--llm-header')
        return
        ;;
    '--llm-timeout')
        return
        ;;
    '--llm-concurrency')
        return
        ;;
    esac
}

_kubectl-heal_timeline() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --watch --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --namespace -n --as --request-timeout --snapshot --since --output -o --store --contexts-matching)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--snapshot')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--since')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''markdown'$'\n''html'
        return
        ;;
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--contexts-matching')
        return
        ;;
    esac
}

_kubectl-heal_anomalies() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(-A --all-namespaces --insecure-skip-tls-verify --prometheus-insecure-skip-tls-verify --version -h --help)
    repeating_options=(--exclude-namespace --as-group --prometheus-header)
    non_repeating_options=(-l --selector --snapshot --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o --window --fail-on --prometheus-url --prometheus-token-file --prometheus-user --prometheus-ca-file --prometheus-client-certificate --prometheus-client-key)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-l'|'--selector')
        return
        ;;
    '--snapshot')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--exclude-namespace')
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''markdown'
        return
        ;;
    '--window')
        return
        ;;
    '--fail-on')
        __kubectl-heal_add_completions -W 'info'$'\n''warning'$'\n''critical'
        return
        ;;
    '--prometheus-url')
        return
        ;;
    '--prometheus-header')
        return
        ;;
    '--prometheus-token-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-user')
        return
        ;;
    '--prometheus-ca-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-certificate')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-key')
        __kubectl-heal_add_completions -f
        return
        ;;
    esac
}

_kubectl-heal_forecast() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(-A --all-namespaces --insecure-skip-tls-verify --prometheus-insecure-skip-tls-verify --version -h --help)
    repeating_options=(--exclude-namespace --as-group --prometheus-header)
    non_repeating_options=(-l --selector --snapshot --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o --horizon --target-utilization --schedule-as --prometheus-url --prometheus-token-file --prometheus-user --prometheus-ca-file --prometheus-client-certificate --prometheus-client-key)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-l'|'--selector')
        return
        ;;
    '--snapshot')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--exclude-namespace')
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'$'\n''markdown'$'\n''patch'
        return
        ;;
    '--horizon')
        return
        ;;
    '--target-utilization')
        return
        ;;
    '--schedule-as')
        __kubectl-heal_add_completions -W 'auto'$'\n''cronjob'$'\n''keda'
        return
        ;;
    '--prometheus-url')
        return
        ;;
    '--prometheus-header')
        return
        ;;
    '--prometheus-token-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-user')
        return
        ;;
    '--prometheus-ca-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-certificate')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-key')
        __kubectl-heal_add_completions -f
        return
        ;;
    esac
}

_kubectl-heal_failover() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kubectl-heal_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    switch|status|watch)
        # Offer subcommand argument completions
        "_kubectl-heal_failover_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'switch status watch' -- "${cur}"))
        ;;
    esac
}

_kubectl-heal_failover_switch() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--force --keep-old --apply --dry-run --yes --insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--label --to --replicas --timeout --scale-down-old-after --reason --policy --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--label')
        return
        ;;
    '--to')
        return
        ;;
    '--replicas')
        return
        ;;
    '--timeout')
        return
        ;;
    '--scale-down-old-after')
        return
        ;;
    '--reason')
        return
        ;;
    '--policy')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_kubectl-heal_failover_status() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--label --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--label')
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_kubectl-heal_failover_watch() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--failback --force --apply --leader-elect --insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--label --trigger --for --stable-for --max-failovers --per --replicas --timeout --scale-down-old-after --lease-name --metrics-addr --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--label')
        return
        ;;
    '--trigger')
        __kubectl-heal_add_completions -W 'no-endpoints'$'\n''not-ready'
        return
        ;;
    '--for')
        return
        ;;
    '--stable-for')
        return
        ;;
    '--max-failovers')
        return
        ;;
    '--per')
        return
        ;;
    '--replicas')
        return
        ;;
    '--timeout')
        return
        ;;
    '--scale-down-old-after')
        return
        ;;
    '--lease-name')
        return
        ;;
    '--metrics-addr')
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_kubectl-heal_recommend-limits() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(-A --all-namespaces --insecure-skip-tls-verify --prometheus-insecure-skip-tls-verify --apply --yes --force --all-contexts --version -h --help)
    repeating_options=(--exclude-namespace --as-group --prometheus-header)
    non_repeating_options=(-l --selector --snapshot --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o --fail-on --usage-source --history --step --sample --every --prometheus-url --prometheus-token-file --prometheus-user --prometheus-ca-file --prometheus-client-certificate --prometheus-client-key --cpu-percentile --cpu-limit-percentile --memory-buffer --min-cpu --min-memory --policy --verify-for --rollout-timeout --store --contexts-matching)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-l'|'--selector')
        return
        ;;
    '--snapshot')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--exclude-namespace')
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''csv'$'\n''patch'
        return
        ;;
    '--fail-on')
        __kubectl-heal_add_completions -W 'unknown'$'\n''good'$'\n''ok'$'\n''warning'$'\n''critical'
        return
        ;;
    '--usage-source')
        __kubectl-heal_add_completions -W 'auto'$'\n''prometheus'$'\n''metrics-server'$'\n''none'
        return
        ;;
    '--history')
        return
        ;;
    '--step')
        return
        ;;
    '--sample')
        return
        ;;
    '--every')
        return
        ;;
    '--prometheus-url')
        return
        ;;
    '--prometheus-header')
        return
        ;;
    '--prometheus-token-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-user')
        return
        ;;
    '--prometheus-ca-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-certificate')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-key')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--cpu-percentile')
        return
        ;;
    '--cpu-limit-percentile')
        return
        ;;
    '--memory-buffer')
        return
        ;;
    '--min-cpu')
        return
        ;;
    '--min-memory')
        return
        ;;
    '--policy')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--verify-for')
        return
        ;;
    '--rollout-timeout')
        return
        ;;
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--contexts-matching')
        return
        ;;
    esac
}

_kubectl-heal_cost() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kubectl-heal_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    workloads|scenarios)
        # Offer subcommand argument completions
        "_kubectl-heal_cost_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'workloads scenarios' -- "${cur}"))
        ;;
    esac
}

_kubectl-heal_cost_workloads() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(-A --all-namespaces --insecure-skip-tls-verify --prometheus-insecure-skip-tls-verify --all-contexts --version -h --help)
    repeating_options=(--exclude-namespace --as-group --prometheus-header)
    non_repeating_options=(-l --selector --snapshot --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o --cpu-price --memory-price --hours-per-month --pricing --usage-source --history --step --sample --every --prometheus-url --prometheus-token-file --prometheus-user --prometheus-ca-file --prometheus-client-certificate --prometheus-client-key --contexts-matching)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-l'|'--selector')
        return
        ;;
    '--snapshot')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--exclude-namespace')
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'$'\n''csv'
        return
        ;;
    '--cpu-price')
        return
        ;;
    '--memory-price')
        return
        ;;
    '--hours-per-month')
        return
        ;;
    '--pricing')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--usage-source')
        __kubectl-heal_add_completions -W 'auto'$'\n''prometheus'$'\n''metrics-server'$'\n''none'
        return
        ;;
    '--history')
        return
        ;;
    '--step')
        return
        ;;
    '--sample')
        return
        ;;
    '--every')
        return
        ;;
    '--prometheus-url')
        return
        ;;
    '--prometheus-header')
        return
        ;;
    '--prometheus-token-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-user')
        return
        ;;
    '--prometheus-ca-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-certificate')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-key')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--contexts-matching')
        return
        ;;
    esac
}

_kubectl-heal_cost_scenarios() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --prometheus-insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group --prometheus-header)
    non_repeating_options=(--kubeconfig --context --cluster --user --namespace -n --as --request-timeout --snapshot --output -o --preset --baseline --cpu-per-pod --memory-per-pod --replicas --min-replicas --peak-replicas --peak-hours --off-hours --days-per-month --standby-replicas --cpu-price --memory-price --hours-per-month --pricing --usage-source --history --step --sample --every --prometheus-url --prometheus-token-file --prometheus-user --prometheus-ca-file --prometheus-client-certificate --prometheus-client-key --cpu-percentile --cpu-limit-percentile --memory-buffer --min-cpu --min-memory)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--snapshot')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--preset')
        __kubectl-heal_add_completions -W 'demo'
        return
        ;;
    '--baseline')
        return
        ;;
    '--cpu-per-pod')
        return
        ;;
    '--memory-per-pod')
        return
        ;;
    '--replicas')
        return
        ;;
    '--min-replicas')
        return
        ;;
    '--peak-replicas')
        return
        ;;
    '--peak-hours')
        return
        ;;
    '--off-hours')
        return
        ;;
    '--days-per-month')
        return
        ;;
    '--standby-replicas')
        return
        ;;
    '--cpu-price')
        return
        ;;
    '--memory-price')
        return
        ;;
    '--hours-per-month')
        return
        ;;
    '--pricing')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--usage-source')
        __kubectl-heal_add_completions -W 'auto'$'\n''prometheus'$'\n''metrics-server'$'\n''none'
        return
        ;;
    '--history')
        return
        ;;
    '--step')
        return
        ;;
    '--sample')
        return
        ;;
    '--every')
        return
        ;;
    '--prometheus-url')
        return
        ;;
    '--prometheus-header')
        return
        ;;
    '--prometheus-token-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-user')
        return
        ;;
    '--prometheus-ca-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-certificate')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-key')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--cpu-percentile')
        return
        ;;
    '--cpu-limit-percentile')
        return
        ;;
    '--memory-buffer')
        return
        ;;
    '--min-cpu')
        return
        ;;
    '--min-memory')
        return
        ;;
    esac
}

_kubectl-heal_learn() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kubectl-heal_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|stats|forget|reset|prune|export|import)
        # Offer subcommand argument completions
        "_kubectl-heal_learn_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show stats forget reset prune export import' -- "${cur}"))
        ;;
    esac
}

_kubectl-heal_learn_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--store --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o)
    __kubectl-heal_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_kubectl-heal_learn_show() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--store --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_kubectl-heal_learn_stats() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--store --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o)
    __kubectl-heal_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_kubectl-heal_learn_forget() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--store --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_kubectl-heal_learn_reset() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--yes --insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--store --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o)
    __kubectl-heal_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_kubectl-heal_learn_prune() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--older-than --store --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o)
    __kubectl-heal_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--older-than')
        return
        ;;
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_kubectl-heal_learn_export() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--store --kubeconfig --context --cluster --user --namespace -n --as --request-timeout)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __kubectl-heal_add_completions -f
        return
        ;;
    esac
}

_kubectl-heal_learn_import() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--store --kubeconfig --context --cluster --user --namespace -n --as --request-timeout --output -o)
    __kubectl-heal_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--output'|'-o')
        __kubectl-heal_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __kubectl-heal_add_completions -f
        return
        ;;
    esac
}

_kubectl-heal_mcp() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--insecure-skip-tls-verify --allow-mutations --prometheus-insecure-skip-tls-verify --anonymize --no-anonymize --no-cache --require-llm --no-llm --version -h --help)
    repeating_options=(--as-group --allowed-namespaces --prometheus-header --llm-header)
    non_repeating_options=(--kubeconfig --context --cluster --user --namespace -n --as --request-timeout --policy --verify-for --rollout-timeout --config --store --prometheus-url --prometheus-token-file --prometheus-user --prometheus-ca-file --prometheus-client-certificate --prometheus-client-key --cpu-price --memory-price --hours-per-month --pricing --llm-base-url --llm-model --llm-timeout --llm-concurrency)
    __kubectl-heal_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--namespace'|'-n')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '--allowed-namespaces')
        return
        ;;
    '--policy')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--verify-for')
        return
        ;;
    '--rollout-timeout')
        return
        ;;
    '--config')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--store')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-url')
        return
        ;;
    '--prometheus-header')
        return
        ;;
    '--prometheus-token-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-user')
        return
        ;;
    '--prometheus-ca-file')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-certificate')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--prometheus-client-key')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--cpu-price')
        return
        ;;
    '--memory-price')
        return
        ;;
    '--hours-per-month')
        return
        ;;
    '--pricing')
        __kubectl-heal_add_completions -f
        return
        ;;
    '--llm-base-url')
        return
        ;;
    '--llm-model')
        return
        ;;
    '--llm-header')
        return
        ;;
    '--llm-timeout')
        return
        ;;
    '--llm-concurrency')
        return
        ;;
    esac
}

_kubectl-heal_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __kubectl-heal_offer_flags_options -1
}

complete -o filenames -F _kubectl-heal kubectl-heal
