package dev.inferencegateway.bench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A demo scenario: the fleet, routes, base-model mappings and objectives of one seed guide, and
 * the guide's requests (format in the package documentation).
 *
 * @param name the scenario's name ({@code --scenario}), or the file it was read from
 * @param description one paragraph on what runs
 * @param guides the seed guides it reproduces
 * @param fleet the fleet file ({@code classpath:} or a path)
 * @param routes the local gateway's route file ({@code classpath:} or a path)
 * @param baseModels BBR's static base-model mappings ({@code [{baseModel, adapters}]})
 * @param objectives InferenceObjectives by pool name
 * @param requests the guide's requests
 */
public record Scenario(String name, String description, List<String> guides, String fleet, String routes,
    JsonNode baseModels, Map<String, List<ObjectiveSpec>> objectives, List<SeedRequest> requests) {
  public Scenario {
    require(fleet, "fleet");
    require(routes, "routes");
    if (baseModels == null || !baseModels.isArray() || baseModels.isEmpty()) {
      throw new IllegalArgumentException("'baseModels' must list at least one {baseModel, adapters} entry");
    }
    description = description == null ? "" : description.strip();
    guides = guides == null ? List.of() : List.copyOf(guides);
    objectives = objectives == null ? Map.of() : Map.copyOf(objectives);
    requests = requests == null ? List.of() : List.copyOf(requests);
  }

  /** Returns this scenario with another fleet file. */
  public Scenario withFleet(String location) {
    return new Scenario(name, description, guides, location, routes, baseModels, objectives, requests);
  }

  /** The objectives of {@code pool} (none when the scenario lists none). */
  public List<ObjectiveSpec> objectivesOf(String pool) {
    return objectives.getOrDefault(pool, List.of());
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' is required");
    }
  }
}
