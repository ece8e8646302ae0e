package dev.inferencegateway.extproc;

/** Why an ext_proc stream ended. */
public enum CloseReason {
  /** Envoy half-closed the stream after the exchange. */
  COMPLETED,
  /** Envoy cancelled the stream (client disconnect, timeout). */
  CANCELLED,
  /** The stream failed (transport or protocol error). */
  FAILED
}
