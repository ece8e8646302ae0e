{{/*
Common labels.
*/}}
{{- define "bbr.labels" -}}
app: {{ .Values.bbr.name }}
app.kubernetes.io/name: {{ .Values.bbr.name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
{{- end -}}

{{/*
ServiceAccount name: "<bbr.name>-<release>".
*/}}
{{- define "bbr.serviceAccountName" -}}
{{- printf "%s-%s" .Values.bbr.name .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Fully qualified host of the BBR Service.
*/}}
{{- define "bbr.host" -}}
{{- printf "%s.%s.svc.cluster.local" .Values.bbr.name .Release.Namespace -}}
{{- end -}}

{{/*
The BBR image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "bbr.image" -}}
{{- $image := .Values.bbr.image -}}
{{- $tag := $image.tag | default .Chart.AppVersion -}}
{{- if $image.registry -}}
{{- printf "%s/%s:%s" $image.registry $image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/*
A flag value as text; whole numbers (which YAML values hold as floats) print without exponent.
*/}}
{{- define "bbr.flagValue" -}}
{{- if and (kindIs "float64" .) (eq (floor .) .) -}}
{{- int64 . -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/*
Checks the values; each failure names the value and the expected form.
*/}}
{{- define "bbr.validations" -}}
{{- $provider := lower (.Values.provider.name | default "none") -}}
{{- if not (has $provider (list "none" "gke" "istio")) -}}
{{- fail (printf ".Values.provider.name must be one of none, gke, istio; got %q" .Values.provider.name) -}}
{{- end -}}
{{- $ports := list (int .Values.bbr.port) (int .Values.bbr.healthCheckPort) (int .Values.bbr.metricsPort) -}}
{{- range $ports -}}
{{- if or (lt . 1) (gt . 65535) -}}
{{- fail (printf "the BBR ports must be between 1 and 65535; got %d" .) -}}
{{- end -}}
{{- end -}}
{{- if ne (len (uniq $ports)) 3 -}}
{{- fail ".Values.bbr.port, .Values.bbr.healthCheckPort and .Values.bbr.metricsPort must be distinct" -}}
{{- end -}}
{{- range $index, $plugin := .Values.bbr.plugins -}}
{{- if or (not $plugin.type) (not $plugin.name) -}}
{{- fail (printf ".Values.bbr.plugins[%d] needs both type and name" $index) -}}
{{- end -}}
{{- end -}}
{{- if eq $provider "istio" -}}
{{- $filter := .Values.provider.istio.envoyFilter -}}
{{- if not (has $filter.operation (list "INSERT_FIRST" "INSERT_BEFORE" "INSERT_AFTER")) -}}
{{- fail (printf ".Values.provider.istio.envoyFilter.operation must be INSERT_FIRST, INSERT_BEFORE or INSERT_AFTER; got %q" $filter.operation) -}}
{{- end -}}
{{- $events := .Values.provider.supportedEvents -}}
{{- if and $events.requestBody (not $events.requestTrailers) -}}
{{- fail ".Values.provider.supportedEvents.requestTrailers must be true when requestBody is true: Envoy's FULL_DUPLEX_STREAMED body mode needs the trailer mode SEND" -}}
{{- end -}}
{{- if and $events.responseBody (not $events.responseTrailers) -}}
{{- fail ".Values.provider.supportedEvents.responseTrailers must be true when responseBody is true: Envoy's FULL_DUPLEX_STREAMED body mode needs the trailer mode SEND" -}}
{{- end -}}
{{- if and (ne $filter.operation "INSERT_FIRST") (not $filter.anchorSubFilter) -}}
{{- fail (printf ".Values.provider.istio.envoyFilter.anchorSubFilter is required with operation %s" $filter.operation) -}}
{{- end -}}
{{- end -}}
{{- end -}}
