package dev.inferencegateway.epp.core.plugin;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The immutable registration of one plugin type: its name, stability, deprecation, parameter
 * record, factory, and the data keys it is the default producer for.
 *
 * @param type the upstream type name, e.g. {@code queue-scorer}
 * @param stability how settled the type is
 * @param deprecation present when the type is deprecated
 * @param parametersType the record that {@code parameters} are strictly parsed into
 * @param factory creates instances
 * @param defaultProducerFor data keys for which the loader auto-creates this type (with default
 *     parameters) when a configured plugin consumes them and none produces them
 * @param forwardsParametersTo when present, parameters given to this type belong to the default
 *     producer of that key and are moved there with a deprecation warning
 * @param <P> the parameter record type
 */
public record PluginDescriptor<P>(
    String type,
    Stability stability,
    Optional<Deprecation> deprecation,
    Class<P> parametersType,
    PluginFactory<P> factory,
    Set<DataKey<?>> defaultProducerFor,
    Optional<DataKey<?>> forwardsParametersTo) {

  public PluginDescriptor {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(stability, "stability");
    Objects.requireNonNull(deprecation, "deprecation");
    Objects.requireNonNull(parametersType, "parametersType");
    Objects.requireNonNull(factory, "factory");
    defaultProducerFor = Set.copyOf(defaultProducerFor);
    Objects.requireNonNull(forwardsParametersTo, "forwardsParametersTo");
  }

  /** Starts a descriptor for a stable type. */
  public static <P> Builder<P> builder(String type, Class<P> parametersType, PluginFactory<P> factory) {
    return new Builder<>(type, parametersType, factory);
  }

  /** Starts a descriptor for a stable type that takes no parameters. */
  public static Builder<NoParameters> withoutParameters(String type, PluginFactory<NoParameters> factory) {
    return new Builder<>(type, NoParameters.class, factory);
  }

  /** Builds a {@link PluginDescriptor}; stability defaults to {@link Stability#STABLE}. */
  public static final class Builder<P> {
    private final String type;
    private final Class<P> parametersType;
    private final PluginFactory<P> factory;
    private Stability stability = Stability.STABLE;
    private Optional<Deprecation> deprecation = Optional.empty();
    private Set<DataKey<?>> defaultProducerFor = Set.of();
    private Optional<DataKey<?>> forwardsParametersTo = Optional.empty();

    private Builder(String type, Class<P> parametersType, PluginFactory<P> factory) {
      this.type = type;
      this.parametersType = parametersType;
      this.factory = factory;
    }

    /** Sets the stability level. */
    public Builder<P> stability(Stability value) {
      this.stability = value;
      return this;
    }

    /** Marks the type deprecated. */
    public Builder<P> deprecated(String since, String replacementType) {
      this.deprecation = Optional.of(new Deprecation(since, Optional.ofNullable(replacementType)));
      return this;
    }

    /** Registers this type as the default producer of the given keys. */
    public Builder<P> defaultProducerFor(DataKey<?>... keys) {
      this.defaultProducerFor = Set.of(keys);
      return this;
    }

    /** Declares that parameters given to this type belong to the producer of {@code key}. */
    public Builder<P> forwardsParametersTo(DataKey<?> key) {
      this.forwardsParametersTo = Optional.of(key);
      return this;
    }

    /** Returns the descriptor. */
    public PluginDescriptor<P> build() {
      return new PluginDescriptor<>(
          type, stability, deprecation, parametersType, factory, defaultProducerFor,
          forwardsParametersTo);
    }
  }
}
