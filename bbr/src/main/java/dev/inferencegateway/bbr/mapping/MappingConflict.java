package dev.inferencegateway.bbr.mapping;

/**
 * A model name that two mappings assign to different base models; the older mapping wins.
 *
 * @param name the model name
 * @param winner the source whose mapping applies
 * @param winnerBaseModel the base model that applies
 * @param loser the source whose mapping is ignored for this name
 * @param loserBaseModel the base model that is ignored
 */
public record MappingConflict(String name, String winner, String winnerBaseModel, String loser, String loserBaseModel) {
  /** Returns a one-line description for logs. */
  public String describe() {
    return "model name '" + name + "' is mapped to base model '" + winnerBaseModel + "' by " + winner
        + " and to '" + loserBaseModel + "' by " + loser + "; using '" + winnerBaseModel
        + "' (the older mapping)";
  }
}
