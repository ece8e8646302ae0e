package dev.inferencegateway.bbr.mapping;

/** Thrown when a ConfigMap or the mapping file does not describe valid base-model mappings. */
public final class InvalidMappingException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the source, the field and the reason. */
  public InvalidMappingException(String message) {
    super(message);
  }
}
