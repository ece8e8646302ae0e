{{/*
A namespaced Role and its RoleBinding to the EPP ServiceAccount.
Arguments: root (the chart context), name (Role name), rules (the rules as YAML text).
*/}}
{{- define "epp-lib.boundRole" -}}
{{- $root := .root -}}
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: {{ .name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" $root | nindent 4 }}
rules:
{{- .rules | nindent 0 }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: {{ .bindingName | default .name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" $root | nindent 4 }}
subjects:
- kind: ServiceAccount
  name: {{ include "epp-lib.name" $root }}
  namespace: {{ $root.Release.Namespace }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {{ .name }}
{{- end -}}

{{/*
Least-privilege RBAC of the EPP, namespaced to the release namespace:
"<release>-epp-sa" reads pods; "<release>-epp-non-sa" (only when the EPP serves an
InferencePool) reads the InferencePool, InferenceObjectives and InferenceModelRewrites (both the
inference.networking.x-k8s.io group and llm-d's llm-d.ai alias group).
*/}}
{{- define "epp-lib.rbac" -}}
{{- $podRules := `- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "watch", "list"]` -}}
{{- include "epp-lib.boundRole" (dict "root" . "name" (printf "%s-sa" (include "epp-lib.name" .)) "rules" $podRules) }}
{{- if not (include "epp-lib.standaloneMode" .) }}
---
{{- $poolRules := printf `- apiGroups: ["inference.networking.x-k8s.io", "llm-d.ai"]
  resources: ["inferenceobjectives", "inferencemodelrewrites"]
  verbs: ["get", "watch", "list"]
- apiGroups: [%q]
  resources: ["inferencepools"]
  verbs: ["get", "watch", "list"]` (include "epp-lib.poolGroup" .) }}
{{ include "epp-lib.boundRole" (dict "root" . "name" (printf "%s-non-sa" (include "epp-lib.name" .)) "rules" $poolRules) }}
{{- end }}
{{- end -}}

{{/*
Leader-election RBAC, rendered when replicas > 1: leases (all verbs) and events (create, patch).
*/}}
{{- define "epp-lib.leaderElectionRbac" -}}
{{- if gt (int .Values.inferenceExtension.replicas) 1 -}}
{{- $rules := `- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]` -}}
{{- $name := printf "%s-leader-election" (include "epp-lib.name" .) -}}
{{- include "epp-lib.boundRole" (dict "root" . "name" $name "bindingName" (printf "%s-binding" $name) "rules" $rules) }}
{{- end -}}
{{- end -}}
