{{/*
Checks the standalone chart's own values.
*/}}
{{- define "standalone.validations" -}}
{{- $sidecar := .Values.inferenceExtension.sidecar | default dict -}}
{{- if $sidecar.enabled -}}
{{- $proxy := lower ($sidecar.proxyType | default "envoy") -}}
{{- if ne $proxy "envoy" -}}
{{- fail (printf ".Values.inferenceExtension.sidecar.proxyType must be envoy (the only proxy this chart configures); got %q" $sidecar.proxyType) -}}
{{- end -}}
{{- end -}}
{{- if eq (lower (.Values.provider.name | default "none")) "istio" -}}
{{- fail ".Values.provider.name istio does not apply to the standalone chart (its Envoy sidecar is the proxy); use none or gke" -}}
{{- end -}}
{{- end -}}
