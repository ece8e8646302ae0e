package dev.inferencegateway.epp.datastore.prometheus;

import java.util.List;
import java.util.Objects;

/**
 * A metric family read from an exposition: its declared type, help text and samples.
 *
 * <p>Histogram and summary families hold their {@code _bucket}, {@code _sum} and {@code _count}
 * samples; a family without a {@code # TYPE} line is {@link MetricType#UNTYPED}.
 *
 * @param name the family name
 * @param type the declared type
 * @param help the help text, empty when none
 * @param samples the samples in exposition order
 */
public record MetricFamily(String name, MetricType type, String help, List<Sample> samples) {
  public MetricFamily {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(help, "help");
    samples = List.copyOf(samples);
  }
}
