{{/*
Parser plugin type for the EPP config: inferencePool.parser when set, vllmgrpc-parser for vLLM
behind gRPC, otherwise empty (the EPP's default openai-parser).
*/}}
{{- define "epp-lib.parser" -}}
{{- $pool := .Values.inferencePool | default dict -}}
{{- if $pool.parser -}}
{{- $pool.parser -}}
{{- else if and (eq ($pool.modelServerProtocol | default "http") "grpc") (eq (include "epp-lib.modelServerType" .) "vllm") -}}
vllmgrpc-parser
{{- end -}}
{{- end -}}

{{/*
Scrape path of the model servers: metricsDataSource.path, except that trtllm-serve serves its
metrics under /prometheus/metrics when the path is left at the default.
*/}}
{{- define "epp-lib.metricsPath" -}}
{{- $path := .Values.inferenceExtension.metricsDataSource.path | default "/metrics" -}}
{{- if and (eq (include "epp-lib.modelServerType" .) "trtllm-serve") (eq $path "/metrics") -}}
/prometheus/metrics
{{- else -}}
{{- $path -}}
{{- end -}}
{{- end -}}

{{/*
The built-in EndpointPickerConfig (default-plugins.yaml): queue, KV-cache and prefix-cache
scorers weighted 2/2/3, the metrics data source with the chart's scrape settings, the core
metrics extractor for the model server type, and the parser for gRPC model servers.
*/}}
{{- define "epp-lib.defaultPlugins" -}}
{{- $source := .Values.inferenceExtension.metricsDataSource -}}
{{- $engine := include "epp-lib.modelServerType" . -}}
{{- $parser := include "epp-lib.parser" . -}}
apiVersion: inference.networking.x-k8s.io/v1alpha1
kind: EndpointPickerConfig
plugins:
- type: queue-scorer
- type: kv-cache-utilization-scorer
- type: prefix-cache-scorer
- type: metrics-data-source
  parameters:
    scheme: {{ $source.scheme | default "http" }}
    path: {{ include "epp-lib.metricsPath" . }}
    insecureSkipVerify: {{ ternary true $source.insecureSkipVerify (kindIs "invalid" $source.insecureSkipVerify) }}
- type: core-metrics-extractor
{{- if ne $engine "vllm" }}
  parameters:
    defaultEngine: {{ $engine }}
{{- end }}
{{- if $parser }}
- type: {{ $parser }}
{{- end }}
schedulingProfiles:
- name: default
  plugins:
  - pluginRef: queue-scorer
    weight: 2
  - pluginRef: kv-cache-utilization-scorer
    weight: 2
  - pluginRef: prefix-cache-scorer
    weight: 3
dataLayer:
  sources:
  - pluginRef: metrics-data-source
    extractors:
    - pluginRef: core-metrics-extractor
{{- if $parser }}
parser:
  pluginRef: {{ $parser }}
{{- end }}
{{- end -}}

{{/*
ConfigMap "<release>-epp" mounted at /config: default-plugins.yaml plus every file of
inferenceExtension.pluginsCustomConfig.
*/}}
{{- define "epp-lib.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "epp-lib.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
data:
  default-plugins.yaml: |
    {{- include "epp-lib.defaultPlugins" . | nindent 4 }}
  {{- range $file, $content := (.Values.inferenceExtension.pluginsCustomConfig | default dict) }}
  {{ $file | quote }}: |
    {{- (kindIs "string" $content | ternary $content (toYaml $content)) | trim | nindent 4 }}
  {{- end }}
{{- end -}}
