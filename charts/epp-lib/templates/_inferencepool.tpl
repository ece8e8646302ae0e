{{/*
InferencePool "<release>" (inference.networking.k8s.io/v1): target ports, application protocol,
the model servers' labels, and the endpointPickerRef naming the EPP Service's ext_proc port.
*/}}
{{- define "epp-lib.inferencePool" -}}
{{- include "epp-lib.validations.inferencePool" . -}}
{{- $pool := .Values.inferencePool -}}
{{- $ext := .Values.inferenceExtension -}}
apiVersion: {{ $pool.apiVersion }}
kind: InferencePool
metadata:
  name: {{ .Release.Name }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
spec:
  targetPorts:
  {{- range $pool.targetPorts }}
  - number: {{ int .number }}
  {{- end }}
  appProtocol: {{ ternary "kubernetes.io/h2c" "http" (eq ($pool.modelServerProtocol | default "http") "grpc") }}
  selector:
    matchLabels:
      {{- range $key, $value := ($pool.modelServers | default dict).matchLabels }}
      {{ $key }}: {{ $value | toString | quote }}
      {{- end }}
  endpointPickerRef:
    name: {{ include "epp-lib.name" . }}
    port:
      number: {{ $ext.extProcPort | default 9002 }}
    failureMode: {{ $ext.failureMode | default "FailOpen" }}
{{- end -}}
