{{/*
Name of every EPP object: "<release>-epp", the release name lower-cased, trimmed and cut to 40
characters first (upstream's rule).
*/}}
{{- define "epp-lib.name" -}}
{{- $base := .Release.Name | default "default-pool" | lower | trim | trunc 40 -}}
{{- printf "%s-epp" $base -}}
{{- end -}}

{{/*
Name of the cluster-scoped objects, unique per release and namespace.
*/}}
{{- define "epp-lib.clusterName" -}}
{{- $base := .Release.Name | default "default-pool" | lower | trim | trunc 40 -}}
{{- $ns := .Release.Namespace | default "default" | lower | trim | trunc 40 -}}
{{- printf "%s-%s-epp" $base $ns | trunc 84 -}}
{{- end -}}

{{/*
True (non-empty) when the EPP selects endpoints itself (--endpoint-selector) instead of
watching an InferencePool.
*/}}
{{- define "epp-lib.standaloneMode" -}}
{{- $server := .Values.inferenceExtension.endpointsServer -}}
{{- if and $server (not $server.createInferencePool) -}}true{{- end -}}
{{- end -}}

{{/*
Common labels.
*/}}
{{- define "epp-lib.labels" -}}
app.kubernetes.io/name: {{ include "epp-lib.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
{{- end -}}

{{/*
Labels that select the EPP pods: "inferencepool: <name>" when the EPP serves an InferencePool,
"epp: <name>" in endpoint-selector mode (upstream's labels).
*/}}
{{- define "epp-lib.selectorLabels" -}}
{{- if include "epp-lib.standaloneMode" . -}}
epp: {{ include "epp-lib.name" . }}
{{- else -}}
inferencepool: {{ include "epp-lib.name" . }}
{{- end -}}
{{- end -}}

{{/*
The mode label of the EPP pods.
*/}}
{{- define "epp-lib.modeLabels" -}}
{{- if include "epp-lib.standaloneMode" . -}}
inference.networking.k8s.io/igw-mode: standalone
{{- else -}}
inference.networking.k8s.io/igw-mode: inferencepool
{{- end -}}
{{- end -}}

{{/*
API group of the InferencePool (the group part of inferencePool.apiVersion).
*/}}
{{- define "epp-lib.poolGroup" -}}
{{- index (splitList "/" .Values.inferencePool.apiVersion) 0 -}}
{{- end -}}

{{/*
The EPP image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "epp-lib.image" -}}
{{- $image := .Values.inferenceExtension.image -}}
{{- $tag := $image.tag | default .Chart.AppVersion -}}
{{- if $image.registry -}}
{{- printf "%s/%s:%s" $image.registry $image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/*
Model server type of the endpoints: endpointsServer.modelServerType in endpoint-selector mode,
inferencePool.modelServerType otherwise.
*/}}
{{- define "epp-lib.modelServerType" -}}
{{- if include "epp-lib.standaloneMode" . -}}
{{- .Values.inferenceExtension.endpointsServer.modelServerType | default "vllm" -}}
{{- else -}}
{{- .Values.inferencePool.modelServerType | default "vllm" -}}
{{- end -}}
{{- end -}}

{{/*
Target ports of endpoint-selector mode as a comma-separated list; accepts a number, a
comma-separated string or a list.
*/}}
{{- define "epp-lib.endpointTargetPorts" -}}
{{- $ports := .Values.inferenceExtension.endpointsServer.targetPorts -}}
{{- if kindIs "slice" $ports -}}
{{- $numbers := list -}}
{{- range $ports -}}
{{- if kindIs "map" . -}}
{{- $numbers = append $numbers (toString .number) -}}
{{- else -}}
{{- $numbers = append $numbers (toString .) -}}
{{- end -}}
{{- end -}}
{{- join "," $numbers -}}
{{- else -}}
{{- toString $ports | nospace -}}
{{- end -}}
{{- end -}}
