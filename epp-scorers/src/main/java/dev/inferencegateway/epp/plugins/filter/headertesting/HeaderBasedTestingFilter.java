package dev.inferencegateway.epp.plugins.filter.headertesting;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Filter;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import java.util.ArrayList;
import java.util.List;

/** The {@code header-based-testing-filter}: the endpoints listed in {@code test-epp-endpoint-selection}. */
public final class HeaderBasedTestingFilter extends NamedPlugin implements Filter {
  /** The registered type name. */
  public static final String TYPE = "header-based-testing-filter";
  /** The request header listing the endpoints to keep. */
  public static final String HEADER = "test-epp-endpoint-selection";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR = PluginDescriptor.withoutParameters(
      TYPE, (name, params, handle) -> new HeaderBasedTestingFilter(name)).build();

  /** Creates the filter with the given instance name. */
  public HeaderBasedTestingFilter(String name) {
    super(TYPE, name);
  }

  @Override
  public List<Endpoint> filter(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    String header = request.header(HEADER).orElse("");
    List<Endpoint> kept = new ArrayList<>();
    for (String entry : header.split(",")) {
      String item = entry.trim();
      if (item.isEmpty()) {
        continue;
      }
      HostPort wanted = HostPort.parse(item);
      for (Endpoint candidate : candidates) {
        if (wanted.matches(candidate) && !containsSame(kept, candidate)) {
          kept.add(candidate);
        }
      }
    }
    return kept;
  }

  private static boolean containsSame(List<Endpoint> endpoints, Endpoint endpoint) {
    for (Endpoint e : endpoints) {
      if (e == endpoint) {
        return true;
      }
    }
    return false;
  }

  /** One header entry: an address without brackets and an optional port (-1 for none). */
  private record HostPort(String address, int port) {
    static HostPort parse(String item) {
      if (item.startsWith("[")) {
        int close = item.indexOf(']');
        String address = close < 0 ? item.substring(1) : item.substring(1, close);
        String rest = close < 0 ? "" : item.substring(close + 1);
        return new HostPort(address, rest.startsWith(":") ? port(rest.substring(1)) : -1);
      }
      int colon = item.indexOf(':');
      if (colon >= 0 && colon == item.lastIndexOf(':')) {
        return new HostPort(item.substring(0, colon), port(item.substring(colon + 1)));
      }
      return new HostPort(item, -1);
    }

    private static int port(String text) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException notAPort) {
        return -2;
      }
    }

    boolean matches(Endpoint endpoint) {
      return endpoint.metadata().address().equalsIgnoreCase(address)
          && (port == -1 || endpoint.metadata().port() == port);
    }
  }
}
