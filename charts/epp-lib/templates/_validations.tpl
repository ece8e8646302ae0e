{{/*
Checks the values shared by every chart that deploys an EPP. Each failure names the value and
the expected form.
*/}}
{{- define "epp-lib.validations" -}}
{{- $ext := .Values.inferenceExtension -}}
{{- $provider := lower (.Values.provider.name | default "none") -}}
{{- if not (has $provider (list "none" "gke" "istio")) -}}
{{- fail (printf ".Values.provider.name must be one of none, gke, istio; got %q" .Values.provider.name) -}}
{{- end -}}
{{- if lt (int $ext.replicas) 1 -}}
{{- fail (printf ".Values.inferenceExtension.replicas must be at least 1; got %v" $ext.replicas) -}}
{{- end -}}
{{- if not (has ($ext.failureMode | default "FailOpen") (list "FailOpen" "FailClose")) -}}
{{- fail (printf ".Values.inferenceExtension.failureMode must be FailOpen or FailClose; got %q" $ext.failureMode) -}}
{{- end -}}
{{- if and $ext.latencyPredictor $ext.latencyPredictor.enabled -}}
{{- fail ".Values.inferenceExtension.latencyPredictor.enabled is not supported: this EPP has no predicted-latency plugins (predicted-latency-producer, latency-scorer); configure scheduling through pluginsCustomConfig instead" -}}
{{- end -}}
{{- $file := $ext.pluginsConfigFile | default "default-plugins.yaml" -}}
{{- if and (ne $file "default-plugins.yaml") (not (hasKey ($ext.pluginsCustomConfig | default dict) $file)) -}}
{{- fail (printf ".Values.inferenceExtension.pluginsConfigFile is %q, which is neither default-plugins.yaml nor a key of .Values.inferenceExtension.pluginsCustomConfig" $file) -}}
{{- end -}}
{{- if not (has (include "epp-lib.modelServerType" .) (list "vllm" "sglang" "triton-tensorrt-llm" "trtllm-serve")) -}}
{{- fail (printf "the model server type must be one of vllm, sglang, triton-tensorrt-llm, trtllm-serve; got %q" (include "epp-lib.modelServerType" .)) -}}
{{- end -}}
{{- if include "epp-lib.standaloneMode" . -}}
{{- if empty $ext.endpointsServer.endpointSelector -}}
{{- fail ".Values.inferenceExtension.endpointsServer.endpointSelector is required when .Values.inferenceExtension.endpointsServer.createInferencePool is false" -}}
{{- end -}}
{{- if empty (include "epp-lib.endpointTargetPorts" .) -}}
{{- fail ".Values.inferenceExtension.endpointsServer.targetPorts is required when .Values.inferenceExtension.endpointsServer.createInferencePool is false" -}}
{{- end -}}
{{- else -}}
{{- include "epp-lib.validations.inferencePool" . -}}
{{- end -}}
{{- end -}}

{{/*
Checks the inferencePool values (upstream's message for a missing matchLabels).
*/}}
{{- define "epp-lib.validations.inferencePool" -}}
{{- $pool := .Values.inferencePool -}}
{{- if or (empty $pool.modelServers) (not $pool.modelServers.matchLabels) -}}
{{- fail ".Values.inferencePool.modelServers.matchLabels is required" -}}
{{- end -}}
{{- if ne $pool.apiVersion "inference.networking.k8s.io/v1" -}}
{{- fail (printf ".Values.inferencePool.apiVersion must be inference.networking.k8s.io/v1 (the only InferencePool version this EPP serves); got %q" $pool.apiVersion) -}}
{{- end -}}
{{- if or (empty $pool.targetPorts) (gt (len $pool.targetPorts) 8) -}}
{{- fail ".Values.inferencePool.targetPorts must list 1 to 8 ports" -}}
{{- end -}}
{{- if not (has ($pool.modelServerProtocol | default "http") (list "http" "grpc")) -}}
{{- fail (printf ".Values.inferencePool.modelServerProtocol must be http or grpc; got %q" $pool.modelServerProtocol) -}}
{{- end -}}
{{- end -}}
