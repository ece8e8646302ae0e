{{/*
Service "<release>-epp": the ext_proc port (the port the InferencePool's endpointPickerRef
names) and the metrics port.
*/}}
{{- define "epp-lib.service" -}}
{{- $ext := .Values.inferenceExtension -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "epp-lib.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "epp-lib.selectorLabels" . | nindent 4 }}
  ports:
  - name: grpc-ext-proc
    protocol: TCP
    port: {{ $ext.extProcPort | default 9002 }}
    targetPort: grpc
  - name: http-metrics
    protocol: TCP
    port: {{ $ext.metricsPort | default 9090 }}
    targetPort: metrics
  {{- with $ext.extraServicePorts }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end -}}

{{/*
ServiceAccount "<release>-epp".
*/}}
{{- define "epp-lib.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "epp-lib.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
{{- end -}}
