package dev.inferencegateway.epp.core.config;

/**
 * A position in configuration text, 1-based.
 *
 * @param line the line
 * @param column the column
 */
public record SourcePosition(int line, int column) {
  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
