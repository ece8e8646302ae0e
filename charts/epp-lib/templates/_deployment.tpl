{{/*
Arguments of the EPP container (upstream's flags, see upstream-epp.md section 4).
*/}}
{{- define "epp-lib.args" -}}
{{- $ext := .Values.inferenceExtension -}}
{{- if include "epp-lib.standaloneMode" . }}
- --endpoint-selector
- {{ $ext.endpointsServer.endpointSelector | quote }}
- --endpoint-target-ports
- {{ include "epp-lib.endpointTargetPorts" . | quote }}
{{- else }}
- --pool-name
- {{ .Release.Name }}
- --pool-namespace
- {{ .Release.Namespace }}
- --pool-group
- {{ include "epp-lib.poolGroup" . | quote }}
{{- end }}
- --zap-encoder
- json
- --config-file
- {{ printf "/config/%s" ($ext.pluginsConfigFile | default "default-plugins.yaml") | quote }}
{{- if gt (int $ext.replicas) 1 }}
- --ha-enable-leader-election
{{- end }}
- --tracing={{ $ext.tracing.enabled | default false }}
{{- if not $ext.monitoring.prometheus.auth.enabled }}
- --metrics-endpoint-auth=false
{{- end }}
{{- range $key, $value := $ext.flags }}
- {{ printf "--%s=%s" $key (include "epp-lib.flagValue" $value) | quote }}
{{- end }}
{{- end -}}

{{/*
A flag value as text; whole numbers (which YAML values hold as floats) print without exponent.
*/}}
{{- define "epp-lib.flagValue" -}}
{{- if and (kindIs "float64" .) (eq (floor .) .) -}}
{{- int64 . -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/*
gRPC health service name the probes ask for: "liveness"/"readiness" with leader election (only
the leader is ready), "inference-extension" otherwise.
*/}}
{{- define "epp-lib.probeService" -}}
{{- if gt (int .root.Values.inferenceExtension.replicas) 1 -}}
{{- .probe -}}
{{- else -}}
inference-extension
{{- end -}}
{{- end -}}

{{/*
Environment of the EPP container.
*/}}
{{- define "epp-lib.env" -}}
{{- $ext := .Values.inferenceExtension -}}
- name: NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- if $ext.tracing.enabled }}
- name: OTEL_SERVICE_NAME
  value: gateway-api-inference-extension/epp
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ $ext.tracing.otelExporterEndpoint | quote }}
- name: OTEL_TRACES_EXPORTER
  value: otlp
- name: OTEL_RESOURCE_ATTRIBUTES_NODE_NAME
  valueFrom:
    fieldRef:
      apiVersion: v1
      fieldPath: spec.nodeName
- name: OTEL_RESOURCE_ATTRIBUTES_POD_NAME
  valueFrom:
    fieldRef:
      apiVersion: v1
      fieldPath: metadata.name
- name: OTEL_RESOURCE_ATTRIBUTES
  value: k8s.namespace.name=$(NAMESPACE),k8s.node.name=$(OTEL_RESOURCE_ATTRIBUTES_NODE_NAME),k8s.pod.name=$(OTEL_RESOURCE_ATTRIBUTES_POD_NAME)
- name: OTEL_TRACES_SAMPLER
  value: {{ $ext.tracing.sampling.sampler | quote }}
- name: OTEL_TRACES_SAMPLER_ARG
  value: {{ $ext.tracing.sampling.samplerArg | quote }}
{{- end }}
{{- with $ext.env }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
The sidecar container (standalone chart: the Envoy proxy), rendered when sidecar.enabled.
*/}}
{{- define "epp-lib.sidecarContainer" -}}
{{- $sidecar := .Values.inferenceExtension.sidecar -}}
- name: {{ $sidecar.name }}
  image: {{ $sidecar.image }}
  imagePullPolicy: {{ $sidecar.imagePullPolicy | default "IfNotPresent" }}
  {{- with $sidecar.command }}
  command:
  {{- if kindIs "slice" . }}
  {{- toYaml . | nindent 2 }}
  {{- else }}
  - {{ . | quote }}
  {{- end }}
  {{- end }}
  {{- with $sidecar.args }}
  args:
  {{- range . }}
  - {{ . | quote }}
  {{- end }}
  {{- end }}
  {{- with $sidecar.env }}
  env:
  {{- toYaml . | nindent 2 }}
  {{- end }}
  {{- with $sidecar.ports }}
  ports:
  {{- toYaml . | nindent 2 }}
  {{- end }}
  {{- with $sidecar.livenessProbe }}
  livenessProbe:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $sidecar.readinessProbe }}
  readinessProbe:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $sidecar.resources }}
  resources:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $sidecar.securityContext }}
  securityContext:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $sidecar.volumeMounts }}
  volumeMounts:
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end -}}

{{/*
Deployment "<release>-epp": one EPP container (plus the optional sidecar), Recreate strategy,
gRPC probes on the health port, the config volume at /config.
*/}}
{{- define "epp-lib.deployment" -}}
{{- $ext := .Values.inferenceExtension -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "epp-lib.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "epp-lib.labels" . | nindent 4 }}
    {{- include "epp-lib.modeLabels" . | nindent 4 }}
spec:
  replicas: {{ int $ext.replicas }}
  strategy:
    # One active EPP at a time keeps its in-memory state (prefix cache index) consistent, and
    # lets a new leader take over at once when leader election is on.
    type: Recreate
  selector:
    matchLabels:
      {{- include "epp-lib.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "epp-lib.selectorLabels" . | nindent 8 }}
        {{- include "epp-lib.modeLabels" . | nindent 8 }}
      annotations:
        checksum/config: {{ printf "%s\n%s" (include "epp-lib.configMap" .) (toYaml ($ext.sidecar | default dict)) | sha256sum }}
        {{- with $ext.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "epp-lib.name" . }}
      # Mirrors the longest grace period of the model servers of the pool.
      terminationGracePeriodSeconds: 130
      {{- with $ext.podSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
      {{- if and $ext.sidecar $ext.sidecar.enabled }}
      {{- include "epp-lib.sidecarContainer" . | nindent 6 }}
      {{- end }}
      - name: epp
        image: {{ include "epp-lib.image" . }}
        imagePullPolicy: {{ $ext.image.pullPolicy | default "IfNotPresent" }}
        args:
        {{- include "epp-lib.args" . | trim | nindent 8 }}
        ports:
        - name: grpc
          containerPort: 9002
        - name: grpc-health
          containerPort: 9003
        - name: metrics
          containerPort: 9090
        {{- with $ext.extraContainerPorts }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
        livenessProbe:
          grpc:
            port: 9003
            service: {{ include "epp-lib.probeService" (dict "root" . "probe" "liveness") }}
          initialDelaySeconds: 5
          periodSeconds: 10
        readinessProbe:
          grpc:
            port: 9003
            service: {{ include "epp-lib.probeService" (dict "root" . "probe" "readiness") }}
          periodSeconds: 2
        {{- with $ext.resources }}
        resources:
          {{- toYaml . | nindent 10 }}
        {{- end }}
        {{- with $ext.securityContext }}
        securityContext:
          {{- toYaml . | nindent 10 }}
        {{- end }}
        env:
        {{- include "epp-lib.env" . | trim | nindent 8 }}
        volumeMounts:
        - name: plugins-config-volume
          mountPath: /config
        - name: tmp
          mountPath: /tmp
        {{- with $ext.volumeMounts }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      volumes:
      - name: plugins-config-volume
        configMap:
          name: {{ include "epp-lib.name" . }}
      - name: tmp
        emptyDir: {}
      {{- with $ext.volumes }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
      {{- if and $ext.sidecar $ext.sidecar.enabled $ext.sidecar.volumes }}
      {{- tpl (toYaml $ext.sidecar.volumes) . | nindent 6 }}
      {{- end }}
      {{- with $ext.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $ext.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $ext.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}
