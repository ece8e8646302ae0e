{{/*
Metrics objects, rendered when inferenceExtension.monitoring.prometheus.enabled:
- ClusterRole/Binding letting the EPP authenticate and authorize scrapers (TokenReview,
  SubjectAccessReview) and letting its token read /metrics;
- on every provider but GKE: the ServiceAccount token Secret the scraper uses and a
  ServiceMonitor (monitoring.coreos.com/v1);
- on GKE: Google Managed Prometheus objects (see epp-lib.gkeMonitoring).
*/}}
{{- define "epp-lib.monitoring" -}}
{{- $ext := .Values.inferenceExtension -}}
{{- $prom := $ext.monitoring.prometheus -}}
{{- if $prom.enabled -}}
{{- $gke := eq (lower .Values.provider.name) "gke" -}}
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: {{ include "epp-lib.clusterName" . }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
rules:
- apiGroups: ["authentication.k8s.io"]
  resources: ["tokenreviews"]
  verbs: ["create"]
- apiGroups: ["authorization.k8s.io"]
  resources: ["subjectaccessreviews"]
  verbs: ["create"]
- nonResourceURLs: ["/metrics"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: {{ include "epp-lib.clusterName" . }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
subjects:
- kind: ServiceAccount
  name: {{ include "epp-lib.name" . }}
  namespace: {{ .Release.Namespace }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: {{ include "epp-lib.clusterName" . }}
{{- if $gke }}
---
{{ include "epp-lib.gkeMonitoring" . }}
{{- else }}
{{- if $prom.auth.enabled }}
---
apiVersion: v1
kind: Secret
metadata:
  name: {{ $prom.auth.secretName }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
  annotations:
    kubernetes.io/service-account.name: {{ include "epp-lib.name" . }}
type: kubernetes.io/service-account-token
{{- end }}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "epp-lib.name" . }}-monitor
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
    {{- with $prom.extraLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  jobLabel: {{ include "epp-lib.name" . }}
  endpoints:
  - port: http-metrics
    path: /metrics
    interval: {{ $ext.monitoring.interval | default "10s" }}
    {{- if $prom.auth.enabled }}
    authorization:
      credentials:
        name: {{ $prom.auth.secretName }}
        key: token
    {{- end }}
  namespaceSelector:
    matchNames:
    - {{ .Release.Namespace }}
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ include "epp-lib.name" . }}
      app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
{{- end -}}
{{- end -}}

{{/*
Google Managed Prometheus scraping of the EPP on GKE: a PodMonitoring with a reader
ServiceAccount token, and the RBAC letting the GMP collector read that token
(namespace gmp-system, or gke-gmp-system on Autopilot).
*/}}
{{- define "epp-lib.gkeMonitoring" -}}
{{- $ext := .Values.inferenceExtension -}}
{{- $auth := $ext.monitoring.prometheus.auth.enabled -}}
{{- $reader := printf "%s-metrics-reader" (include "epp-lib.name" .) -}}
{{- $gmpNamespace := ternary "gke-gmp-system" "gmp-system" (.Values.provider.gke.autopilot | default false) -}}
apiVersion: monitoring.googleapis.com/v1
kind: PodMonitoring
metadata:
  name: {{ include "epp-lib.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
spec:
  endpoints:
  - port: metrics
    scheme: http
    path: /metrics
    interval: {{ $ext.monitoring.interval | default "10s" }}
    {{- if $auth }}
    authorization:
      type: Bearer
      credentials:
        secret:
          name: {{ $reader }}-secret
          key: token
    {{- end }}
  selector:
    matchLabels:
      {{- include "epp-lib.selectorLabels" . | nindent 6 }}
{{- if $auth }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $reader }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
---
apiVersion: v1
kind: Secret
metadata:
  name: {{ $reader }}-secret
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
  annotations:
    kubernetes.io/service-account.name: {{ $reader }}
type: kubernetes.io/service-account-token
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: {{ include "epp-lib.clusterName" . }}-metrics-reader
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
rules:
- nonResourceURLs: ["/metrics"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: {{ include "epp-lib.clusterName" . }}-metrics-reader
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
subjects:
- kind: ServiceAccount
  name: {{ $reader }}
  namespace: {{ .Release.Namespace }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: {{ include "epp-lib.clusterName" . }}-metrics-reader
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: {{ $reader }}-secret-read
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
rules:
- apiGroups: [""]
  resources: ["secrets"]
  resourceNames: [{{ printf "%s-secret" $reader | quote }}]
  verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: {{ printf "%s:collector:%s-secret-read" $gmpNamespace $reader | trunc 253 }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
subjects:
- kind: ServiceAccount
  name: collector
  namespace: {{ $gmpNamespace }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {{ $reader }}-secret-read
{{- end }}
{{- end -}}
