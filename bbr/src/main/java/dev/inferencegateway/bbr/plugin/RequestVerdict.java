package dev.inferencegateway.bbr.plugin;

/** What a {@link RequestProcessor} decides about the rest of the chain. */
public enum RequestVerdict {
  /** Run the next processor. */
  CONTINUE,
  /**
   * Stop the chain and forward the request exactly as received: no header or body changes from
   * any processor (for example when the body lacks the field this processor routes on).
   */
  PASS_THROUGH
}
