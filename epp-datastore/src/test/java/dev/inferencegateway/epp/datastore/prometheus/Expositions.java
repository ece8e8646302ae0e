package dev.inferencegateway.epp.datastore.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the realistic model-server expositions kept under {@code src/test/resources/expositions}. */
public final class Expositions {
  private Expositions() {}

  /** Returns the bytes of {@code expositions/<name>}. */
  public static byte[] load(String name) {
    try (InputStream in = Expositions.class.getResourceAsStream("/expositions/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test exposition " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
