package dev.inferencegateway.extproc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeChainTest {
  private final List<String> calls = new ArrayList<>();

  private ExchangeHandlerFactory stage(String name, String header, String value) {
    return () -> new ExchangeHandler() {
      @Override
      public RequestOutcome onRequest(RequestContext request) {
        calls.add(name + " saw " + request.headers().asMap());
        if (request.headers().get("x-reject").isPresent() && name.equals("second")) {
          return new RequestOutcome.Reject(400, "no", HeaderChanges.NONE);
        }
        return new RequestOutcome.Forward(HeaderChanges.setting(Map.of(header, value)), request.body(), false,
            Map.of("ns", Map.of(name, value)));
      }

      @Override
      public ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
        calls.add(name + " body " + chunk.toStringUtf8() + (endOfStream ? " eos" : ""));
        return ResponseBodyOutcome.echo(ByteString.copyFromUtf8(chunk.toStringUtf8() + "+" + name));
      }

      @Override
      public void onClose(CloseReason reason) {
        calls.add(name + " closed " + reason);
      }
    };
  }

  private RequestContext request(Map<String, String> headers) {
    return new RequestContext(HttpHeadersView.of(headers), ByteString.copyFromUtf8("{}"), true, Map.of(),
        BodyMode.FULL_DUPLEX_STREAMED);
  }

  @Test
  void laterStagesSeeEarlierHeaderChanges_andChangesMerge() {
    ExchangeHandler chain = ExchangeChain.of(List.of(stage("first", "x-model", "m"), stage("second", "x-dest", "d")))
        .newExchange();
    RequestOutcome outcome = chain.onRequest(request(Map.of(":path", "/v1/completions")));

    assertThat(outcome).isInstanceOfSatisfying(RequestOutcome.Forward.class, f -> {
      assertThat(f.headers().set()).containsExactly(Map.entry("x-model", "m"), Map.entry("x-dest", "d"));
      assertThat(f.dynamicMetadata()).containsEntry("ns", Map.of("first", "m", "second", "d"));
    });
    assertThat(calls.get(1)).contains("x-model=m");
  }

  @Test
  void rejectionStopsTheChain() {
    ExchangeHandler chain = ExchangeChain.of(List.of(stage("first", "x-a", "1"), stage("second", "x-b", "2")))
        .newExchange();
    assertThat(chain.onRequest(request(Map.of("x-reject", "1")))).isInstanceOf(RequestOutcome.Reject.class);
  }

  @Test
  void responseRunsInReverseOrder_andCloseReachesEveryStage() {
    ExchangeHandler chain = ExchangeChain.of(List.of(stage("first", "x-a", "1"), stage("second", "x-b", "2")))
        .newExchange();
    ResponseBodyOutcome outcome = chain.onResponseBody(ByteString.copyFromUtf8("c"), true);
    chain.onClose(CloseReason.COMPLETED);

    assertThat(outcome.emit()).extracting(ByteString::toStringUtf8).containsExactly("c+second+first");
    assertThat(calls).containsExactly("second body c eos", "first body c+second eos",
        "first closed COMPLETED", "second closed COMPLETED");
  }
}
