package dev.inferencegateway.epp.datastore.prometheus;

import java.util.ArrayList;
import java.util.List;

/** Accumulates one selected family during a parse. */
final class FamilyBuilder {
  final String name;
  MetricType type = MetricType.UNTYPED;
  String help = "";
  private final List<Sample> samples = new ArrayList<>(4);

  FamilyBuilder(String name) {
    this.name = name;
  }

  void add(Sample sample) {
    samples.add(sample);
  }

  MetricFamily build() {
    return new MetricFamily(name, type, help, samples);
  }
}
