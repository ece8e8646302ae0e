package dev.inferencegateway.extproc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.envoyproxy.envoy.config.core.v3.HeaderMap;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.service.ext_proc.v3.ExternalProcessorGrpc;
import io.envoyproxy.envoy.service.ext_proc.v3.HttpBody;
import io.envoyproxy.envoy.service.ext_proc.v3.HttpHeaders;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingRequest;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The protocol engine with its decisions on an executor of their own (as the EPP serves it): every
 * case of {@link ExtProcServiceTest}, plus the order and the cancellation of messages that arrive
 * while a decision runs.
 */
@Timeout(30)
class ExtProcDecisionsTest extends ExtProcServiceTest {
  private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch deciding = new CountDownLatch(1);
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private Server slowServer;
  private ManagedChannel slowChannel;

  @Override
  Executor decisions() {
    return virtualThreads;
  }

  @AfterEach
  void stopSlow() throws Exception {
    release.countDown();
    if (slowChannel != null) {
      slowChannel.shutdownNow();
      slowServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    virtualThreads.shutdownNow();
  }

  /** Blocks its request decision until the test releases it, and records every call in order. */
  private final class SlowHandler implements ExchangeHandler {
    @Override
    public RequestOutcome onRequest(RequestContext request) {
      calls.add("request");
      deciding.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new RequestOutcome.Forward(HeaderChanges.NONE, request.body(), false, Map.of());
    }

    @Override
    public HeaderChanges onResponseHeaders(HttpHeadersView headers, Map<String, Map<String, Object>> metadata,
        boolean endOfStream) {
      calls.add("response-headers");
      return HeaderChanges.NONE;
    }

    @Override
    public ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
      calls.add("response-body");
      return ResponseBodyOutcome.echo(chunk);
    }

    @Override
    public void onClose(CloseReason reason) {
      calls.add("close " + reason);
    }
  }

  private StreamObserver<ProcessingRequest> openSlow(Executor executor, Recorder recorder) throws Exception {
    String name = InProcessServerBuilder.generateName();
    slowServer = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new ExtProcService(SlowHandler::new, 1_000_000, executor)).build().start();
    slowChannel = InProcessChannelBuilder.forName(name).directExecutor().build();
    return ExternalProcessorGrpc.newStub(slowChannel).process(recorder);
  }

  private static ProcessingRequest headers() {
    return ProcessingRequest.newBuilder().setRequestHeaders(HttpHeaders.newBuilder().setHeaders(
        HeaderMap.newBuilder().addHeaders(HeaderValue.newBuilder().setKey(":path").setRawValue(
            ByteString.copyFromUtf8("/v1/completions"))))).build();
  }

  private static ProcessingRequest body(String text, boolean end) {
    return ProcessingRequest.newBuilder().setRequestBody(HttpBody.newBuilder()
        .setBody(ByteString.copyFromUtf8(text)).setEndOfStream(end)).build();
  }

  private static ProcessingRequest responseHeaders() {
    return ProcessingRequest.newBuilder().setResponseHeaders(HttpHeaders.getDefaultInstance()).build();
  }

  @Test
  void messagesArrivingDuringADecision_areHandledAfterIt_inOrder() throws Exception {
    Recorder recorder = new Recorder();
    StreamObserver<ProcessingRequest> requests = openSlow(virtualThreads, recorder);
    requests.onNext(headers());
    requests.onNext(body("{\"model\":\"m\"}", true));
    assertThat(deciding.await(5, TimeUnit.SECONDS)).isTrue();

    requests.onNext(responseHeaders());
    assertThat(calls).containsExactly("request");
    release.countDown();

    await().atMost(Duration.ofSeconds(5)).until(() -> recorder.responses.size() == 3);
    assertThat(calls).containsExactly("request", "response-headers");
    assertThat(recorder.responses).extracting(ProcessingResponse::getResponseCase).containsExactly(
        ProcessingResponse.ResponseCase.REQUEST_HEADERS, ProcessingResponse.ResponseCase.REQUEST_BODY,
        ProcessingResponse.ResponseCase.RESPONSE_HEADERS);
    requests.onCompleted();
  }

  @Test
  void cancellationDuringADecision_closesOnce_andSendsNothing() throws Exception {
    Recorder recorder = new Recorder();
    StreamObserver<ProcessingRequest> requests = openSlow(virtualThreads, recorder);
    requests.onNext(headers());
    requests.onNext(body("{\"model\":\"m\"}", true));
    assertThat(deciding.await(5, TimeUnit.SECONDS)).isTrue();

    requests.onError(Status.CANCELLED.asRuntimeException());
    release.countDown();

    await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("close CANCELLED"));
    assertThat(calls).containsExactly("request", "close CANCELLED");
    assertThat(recorder.responses).isEmpty();
  }

  @Test
  void rejectedDecision_failsTheStreamAsUnavailable() throws Exception {
    Recorder recorder = new Recorder();
    StreamObserver<ProcessingRequest> requests = openSlow(task -> {
      throw new RejectedExecutionException("shut down");
    }, recorder);
    requests.onNext(headers());
    requests.onNext(body("{}", true));

    assertThat(Status.fromThrowable(recorder.closed.get(5, TimeUnit.SECONDS)).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(calls).containsExactly("close FAILED");
  }

  @Test
  void decisionsStartAfterTheStreamsLockIsReleased_soAnExecutorThatWaitsForItsTaskGoesOn() throws Exception {
    release.countDown();
    AtomicBoolean stuck = new AtomicBoolean();
    Executor waitsForItsTask = task -> {
      Thread worker = Thread.ofPlatform().start(task);
      try {
        worker.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stuck.compareAndSet(false, worker.isAlive());
    };
    Recorder recorder = new Recorder();
    StreamObserver<ProcessingRequest> requests = openSlow(waitsForItsTask, recorder);
    requests.onNext(headers());
    requests.onNext(body("{\"model\":\"m\"}", true));

    await().atMost(Duration.ofSeconds(10)).until(() -> recorder.responses.size() == 2);
    assertThat(stuck).isFalse();
    requests.onCompleted();
  }

  @Test
  void aDecisionThatFollowsFromAnAnswer_runsOnTheSameThread() throws Exception {
    AtomicInteger started = new AtomicInteger();
    Recorder recorder = new Recorder();
    StreamObserver<ProcessingRequest> requests = openSlow(task -> {
      started.incrementAndGet();
      virtualThreads.execute(task);
    }, recorder);
    requests.onNext(headers());
    requests.onNext(body("{\"model\":\"m\"}", true));
    assertThat(deciding.await(5, TimeUnit.SECONDS)).isTrue();
    requests.onNext(responseHeaders());
    requests.onNext(ProcessingRequest.newBuilder().setResponseBody(HttpBody.newBuilder()
        .setBody(ByteString.copyFromUtf8("done")).setEndOfStream(true)).build());
    release.countDown();

    await().atMost(Duration.ofSeconds(5)).until(() -> recorder.responses.size() == 4);
    assertThat(calls).containsExactly("request", "response-headers", "response-body");
    assertThat(started).hasValue(1);
    requests.onCompleted();
  }

  /** Collects what the server sends. */
  private static final class Recorder implements StreamObserver<ProcessingResponse> {
    final List<ProcessingResponse> responses = new CopyOnWriteArrayList<>();
    final CompletableFuture<Throwable> closed = new CompletableFuture<>();

    @Override
    public void onNext(ProcessingResponse value) {
      responses.add(value);
    }

    @Override
    public void onError(Throwable t) {
      closed.complete(t);
    }

    @Override
    public void onCompleted() {
      closed.complete(null);
    }
  }
}
