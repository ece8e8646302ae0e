package dev.inferencegateway.epp.core.request;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One inference request as the scheduler and plugins see it.
 *
 * <p>All fields are immutable; {@link #withTargetModel} and {@link #withBody} return copies that
 * share the same {@link RequestState}, the one mutable part, through which plugins pass data along
 * the request's life.
 *
 * @param requestId the {@code x-request-id} (generated when the client sent none)
 * @param incomingModel the model the client asked for (the body's {@code model})
 * @param targetModel the model the request is sent to after rewrites
 * @param body the parsed body
 * @param headers the request headers, keys in lower case
 * @param objectiveName the InferenceObjective named by the request, if any
 * @param fairnessId the flow-control fairness id ({@code default-flow} when absent)
 * @param priority the objective's priority; negative means sheddable
 * @param requestSizeBytes the size of the body as received
 * @param state the per-request plugin state
 */
public record InferenceRequest(
    String requestId,
    String incomingModel,
    String targetModel,
    RequestBody body,
    Map<String, String> headers,
    Optional<String> objectiveName,
    String fairnessId,
    int priority,
    long requestSizeBytes,
    RequestState state) {

  /** The fairness id used when the request carries none. */
  public static final String DEFAULT_FAIRNESS_ID = "default-flow";

  public InferenceRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(incomingModel, "incomingModel");
    Objects.requireNonNull(targetModel, "targetModel");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(objectiveName, "objectiveName");
    Objects.requireNonNull(fairnessId, "fairnessId");
    Objects.requireNonNull(state, "state");
  }

  /** Returns true when the request may be shed under saturation (priority below zero). */
  public boolean isSheddable() {
    return priority < 0;
  }

  /** Returns the value of a header (name in any case). */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /** Returns a copy with another target model. */
  public InferenceRequest withTargetModel(String model) {
    return new InferenceRequest(requestId, incomingModel, model, body, headers, objectiveName,
        fairnessId, priority, requestSizeBytes, state);
  }

  /** Returns a copy with another body. */
  public InferenceRequest withBody(RequestBody newBody) {
    return new InferenceRequest(requestId, incomingModel, targetModel, newBody, headers,
        objectiveName, fairnessId, priority, requestSizeBytes, state);
  }

  /** Returns a copy with another priority. */
  public InferenceRequest withPriority(int newPriority) {
    return new InferenceRequest(requestId, incomingModel, targetModel, body, headers,
        objectiveName, fairnessId, newPriority, requestSizeBytes, state);
  }

  /** Starts a request with the given id and body; other fields take neutral defaults. */
  public static Builder builder(String requestId, RequestBody body) {
    return new Builder(requestId, body);
  }

  /** Builds an {@link InferenceRequest}. */
  public static final class Builder {
    private final String requestId;
    private final RequestBody body;
    private String incomingModel;
    private String targetModel;
    private Map<String, String> headers = Map.of();
    private Optional<String> objectiveName = Optional.empty();
    private String fairnessId = DEFAULT_FAIRNESS_ID;
    private int priority;
    private long requestSizeBytes = -1;

    private Builder(String requestId, RequestBody body) {
      this.requestId = requestId;
      this.body = body;
      this.incomingModel = body.model().orElse("");
    }

    /** Sets the client-facing model name (defaults to the body's model). */
    public Builder incomingModel(String v) { incomingModel = v; return this; }
    /** Sets the target model (defaults to the incoming model). */
    public Builder targetModel(String v) { targetModel = v; return this; }
    /** Sets the headers; keys must be lower case. */
    public Builder headers(Map<String, String> v) { headers = v; return this; }
    /** Sets the objective name. */
    public Builder objectiveName(String v) { objectiveName = Optional.ofNullable(v); return this; }
    /** Sets the fairness id. */
    public Builder fairnessId(String v) { fairnessId = v; return this; }
    /** Sets the priority. */
    public Builder priority(int v) { priority = v; return this; }
    /** Sets the body size (defaults to the raw body length). */
    public Builder requestSizeBytes(long v) { requestSizeBytes = v; return this; }

    /** Returns the request. */
    public InferenceRequest build() {
      return new InferenceRequest(requestId, incomingModel,
          targetModel == null ? incomingModel : targetModel, body, headers, objectiveName,
          fairnessId, priority, requestSizeBytes < 0 ? body.raw().length() : requestSizeBytes,
          new RequestState());
    }
  }
}
