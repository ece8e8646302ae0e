package dev.inferencegateway.epp.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.datastore.FixedDatastore;
import dev.inferencegateway.epp.core.testing.TestHandles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared handle: environment pass-through and lookups among the plugins registered so far. */
class EnvironmentPluginHandleTest {
  private interface Role {}

  private record Named(TypedName typedName) implements Plugin {}

  private record WithRole(TypedName typedName) implements Plugin, Role {}

  private static final class Handle extends EnvironmentPluginHandle {
    final List<String> warnings = new ArrayList<>();

    Handle(PluginEnvironment environment) {
      super(environment);
    }

    Handle with(Plugin plugin) {
      register(plugin);
      return this;
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
    }
  }

  private final PluginEnvironment environment = TestHandles.environment(FixedDatastore.EMPTY, 7);

  @Test
  void servesTheEnvironment() {
    Handle handle = new Handle(environment);

    assertThat(handle.clock()).isSameAs(environment.clock());
    assertThat(handle.nanoClock()).isSameAs(environment.nanoClock());
    assertThat(handle.random()).isSameAs(environment.random());
    assertThat(handle.scheduler()).isSameAs(environment.scheduler());
    assertThat(handle.datastore()).isSameAs(FixedDatastore.EMPTY);
    assertThat(handle.metrics()).isSameAs(environment.metrics());
  }

  @Test
  void findsRegisteredPlugins_byName_andByRole_inRegistrationOrder() {
    Plugin first = new WithRole(new TypedName("t", "first"));
    Plugin plain = new Named(new TypedName("t", "plain"));
    Plugin second = new WithRole(new TypedName("t", "second"));
    Handle handle = new Handle(environment).with(first).with(plain).with(second);

    assertThat(handle.plugin("plain")).containsSame(plain);
    assertThat(handle.plugin("missing")).isEmpty();
    assertThat(handle.pluginsOf(Role.class)).containsExactly((Role) first, (Role) second);
    assertThat(handle.registeredPlugins()).containsOnlyKeys("first", "plain", "second");

    Plugin replacement = new Named(new TypedName("t", "first"));
    handle.with(replacement);
    assertThat(handle.plugin("first")).containsSame(replacement);
    assertThat(handle.pluginsOf(Role.class)).containsExactly((Role) second);
  }

  @Test
  void warningsGoWhereTheSubclassSends() {
    Handle handle = new Handle(environment);

    handle.warn("deprecated");

    assertThat(handle.warnings).containsExactly("deprecated");
  }
}
