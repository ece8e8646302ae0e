package dev.inferencegateway.bbr.plugins;

/** Checks header names given in plugin parameters. */
public final class HeaderNames {
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HeaderNames() {}

  /** Returns true when {@code name} is a valid HTTP header name (an RFC 9110 token). */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
