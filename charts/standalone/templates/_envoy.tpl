{{/*
Name of the ConfigMap holding envoy.yaml.
*/}}
{{- define "standalone.envoyConfigMapName" -}}
{{- .Values.inferenceExtension.sidecar.configMap.name | default (printf "%s-envoy" (include "epp-lib.name" .)) -}}
{{- end -}}

{{/*
True (non-empty) when the EPP serves TLS on its ext_proc port (its default, unless
flags.secure-serving is false).
*/}}
{{- define "standalone.eppTls" -}}
{{- $flags := .Values.inferenceExtension.flags | default dict -}}
{{- if not (and (hasKey $flags "secure-serving") (eq (toString (index $flags "secure-serving")) "false")) -}}true{{- end -}}
{{- end -}}

{{/*
The Envoy bootstrap: a listener whose HTTP connection manager runs the ext_proc filter
(headers, bodies FULL_DUPLEX_STREAMED, trailers) against the EPP on localhost, then routes every
request to the ORIGINAL_DST cluster, which connects to the address the EPP wrote into
x-gateway-destination-endpoint. A second listener serves /ready and /stats/prometheus.
*/}}
{{- define "standalone.envoyConfig" -}}
{{- $envoy := .Values.inferenceExtension.sidecar.envoy -}}
admin:
  address:
    socket_address:
      address: 127.0.0.1
      port_value: {{ int $envoy.adminPort }}
static_resources:
  listeners:
  - name: envoy-ready
    address:
      socket_address:
        address: 0.0.0.0
        port_value: {{ int $envoy.readyPort }}
    filter_chains:
    - filters:
      - name: envoy.filters.network.http_connection_manager
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
          stat_prefix: envoy-ready
          route_config:
            name: ready
            virtual_hosts:
            - name: prometheus_stats
              domains: ["*"]
              routes:
              - match:
                  prefix: /stats/prometheus
                route:
                  cluster: prometheus_stats
          http_filters:
          - name: envoy.filters.http.health_check
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.filters.http.health_check.v3.HealthCheck
              pass_through_mode: false
              headers:
              - name: ":path"
                string_match:
                  exact: /ready
          - name: envoy.filters.http.router
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
  - name: inference
    address:
      socket_address:
        address: 0.0.0.0
        port_value: {{ int $envoy.listenerPort }}
    per_connection_buffer_limit_bytes: 32768
    filter_chains:
    - filters:
      - name: envoy.filters.network.http_connection_manager
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
          stat_prefix: inference
          use_remote_address: true
          normalize_path: true
          merge_slashes: true
          server_header_transformation: PASS_THROUGH
          path_with_escaped_slashes_action: UNESCAPE_AND_REDIRECT
          common_http_protocol_options:
            headers_with_underscores_action: REJECT_REQUEST
          http2_protocol_options:
            max_concurrent_streams: 100
            initial_stream_window_size: 65536
            initial_connection_window_size: 1048576
          access_log:
          - name: envoy.access_loggers.file
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.access_loggers.file.v3.FileAccessLog
              path: /dev/stdout
          route_config:
            name: inference
            virtual_hosts:
            - name: inference
              domains: ["*"]
              routes:
              - match:
                  prefix: /
                route:
                  cluster: original_destination_cluster
                  timeout: {{ $envoy.routeTimeout }}
                  idle_timeout: {{ $envoy.routeTimeout }}
          http_filters:
          - name: envoy.filters.http.ext_proc
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor
              failure_mode_allow: false
              grpc_service:
                envoy_grpc:
                  cluster_name: ext_proc
                  authority: localhost:9002
                timeout: 10s
              processing_mode:
                request_header_mode: SEND
                response_header_mode: SEND
                request_body_mode: FULL_DUPLEX_STREAMED
                response_body_mode: FULL_DUPLEX_STREAMED
                request_trailer_mode: SEND
                response_trailer_mode: SEND
              message_timeout: {{ $envoy.messageTimeout }}
          - name: envoy.filters.http.router
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
              suppress_envoy_headers: true
  clusters:
  - name: prometheus_stats
    type: STATIC
    connect_timeout: 0.250s
    load_assignment:
      cluster_name: prometheus_stats
      endpoints:
      - lb_endpoints:
        - endpoint:
            address:
              socket_address:
                address: 127.0.0.1
                port_value: {{ int $envoy.adminPort }}
  - name: original_destination_cluster
    type: ORIGINAL_DST
    lb_policy: CLUSTER_PROVIDED
    connect_timeout: 1000s
    original_dst_lb_config:
      use_http_header: true
      http_header_name: x-gateway-destination-endpoint
    circuit_breakers:
      thresholds:
      - max_connections: 40000
        max_pending_requests: 40000
        max_requests: 40000
  - name: ext_proc
    type: STATIC
    lb_policy: LEAST_REQUEST
    connect_timeout: 86400s
    circuit_breakers:
      thresholds:
      - max_connections: 40000
        max_pending_requests: 40000
        max_requests: 40000
        max_retries: 1024
    health_checks:
    - timeout: 2s
      interval: 10s
      unhealthy_threshold: 3
      healthy_threshold: 2
      reuse_connection: true
      grpc_health_check:
        service_name: envoy.service.ext_proc.v3.ExternalProcessor
      {{- if include "standalone.eppTls" . }}
      tls_options:
        alpn_protocols: ["h2"]
      {{- end }}
    {{- if include "standalone.eppTls" . }}
    transport_socket:
      name: envoy.transport_sockets.tls
      typed_config:
        "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
        common_tls_context:
          alpn_protocols: ["h2"]
          validation_context: {}
    {{- end }}
    typed_extension_protocol_options:
      envoy.extensions.upstreams.http.v3.HttpProtocolOptions:
        "@type": type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions
        explicit_http_config:
          http2_protocol_options:
            initial_stream_window_size: 65536
            initial_connection_window_size: 1048576
    load_assignment:
      cluster_name: ext_proc
      endpoints:
      - lb_endpoints:
        - endpoint:
            address:
              socket_address:
                address: 127.0.0.1
                port_value: 9002
{{- end -}}
