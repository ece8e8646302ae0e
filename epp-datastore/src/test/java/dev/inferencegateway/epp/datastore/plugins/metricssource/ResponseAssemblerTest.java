package dev.inferencegateway.epp.datastore.plugins.metricssource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResponseAssemblerTest {
  private static final String BODY = "vllm:num_requests_waiting 3\n";
  private final ResponseAssembler assembler = new ResponseAssembler();

  private void feed(byte[] bytes, int from, int to) throws ProtocolException {
    int at = from;
    while (at < to) {
      ByteBuffer space = assembler.space();
      int n = Math.min(space.remaining(), to - at);
      space.put(bytes, at, n);
      assembler.received(n);
      at += n;
    }
  }

  /** Feeds the response one byte at a time; every prefix but the whole is incomplete. */
  private ResponseAssembler.Response byteByByte(String response) throws IOException {
    byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < bytes.length - 1; i++) {
      feed(bytes, i, i + 1);
      assertThat(assembler.complete()).as("after %d of %d bytes", i + 1, bytes.length).isNull();
    }
    feed(bytes, bytes.length - 1, bytes.length);
    return assembler.complete();
  }

  private static String body(ResponseAssembler.Response response) {
    return new String(Arrays.copyOf(response.body(), response.length()), StandardCharsets.UTF_8);
  }

  @Test
  void fixedLength_isCompleteWithItsLastByte() throws Exception {
    ResponseAssembler.Response response = byteByByte("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length()
        + "\r\nContent-Type: text/plain\r\n\r\n" + BODY);

    assertThat(response.head().status()).isEqualTo(200);
    assertThat(response.head().contentType()).isEqualTo("text/plain");
    assertThat(body(response)).isEqualTo(BODY);
    assertThat(response.keepAlive()).isTrue();
  }

  @Test
  void chunked_withTrailers_isCompleteAfterTheEmptyLine() throws Exception {
    ResponseAssembler.Response response = byteByByte("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;x=1\r\nvllm:\r\n" + Integer.toHexString(BODY.length() - 5) + "\r\n" + BODY.substring(5) + "\r\n"
        + "0\r\nX-Trailer: t\r\n\r\n");

    assertThat(body(response)).isEqualTo(BODY);
    assertThat(response.keepAlive()).isTrue();
  }

  @Test
  void informationalHeads_areSkipped() throws Exception {
    ResponseAssembler.Response response = byteByByte("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"
        + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY);

    assertThat(response.head().status()).isEqualTo(200);
    assertThat(body(response)).isEqualTo(BODY);
  }

  @Test
  void closeDelimited_isCompleteOnlyAtTheEndOfTheStream() throws Exception {
    byte[] bytes = ("HTTP/1.0 200 OK\r\n\r\n" + BODY).getBytes(StandardCharsets.ISO_8859_1);
    feed(bytes, 0, bytes.length);
    assertThat(assembler.complete()).isNull();

    assembler.endOfStream();
    ResponseAssembler.Response response = assembler.complete();

    assertThat(body(response)).isEqualTo(BODY);
    assertThat(response.keepAlive()).isFalse();
  }

  @Test
  void bytesAfterTheResponse_makeTheConnectionUnusable() throws Exception {
    byte[] bytes = ("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200").getBytes(StandardCharsets.ISO_8859_1);
    feed(bytes, 0, bytes.length);

    ResponseAssembler.Response response = assembler.complete();

    assertThat(response.head().status()).isEqualTo(204);
    assertThat(response.length()).isZero();
    assertThat(response.keepAlive()).isFalse();
  }

  @Test
  void endOfStreamInTheBody_failsAsABlockingReadWould() throws Exception {
    byte[] bytes = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1);
    feed(bytes, 0, bytes.length);
    assertThat(assembler.complete()).isNull();

    assembler.endOfStream();

    assertThatThrownBy(assembler::complete).isInstanceOf(EOFException.class)
        .hasMessage("connection closed with 7 body bytes missing");
  }

  @Test
  void resetForgetsThePreviousResponse() throws Exception {
    byteByByte("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

    assembler.reset();

    assertThat(assembler.receivedBytes()).isZero();
    assertThat(body(byteByByte("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes"))).isEqualTo("yes");
  }

  @Test
  void responseOverTheLimit_isRefused() throws Exception {
    feed("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0, 19);
    byte[] filler = new byte[1 << 20];
    Arrays.fill(filler, (byte) 'x');
    assertThatThrownBy(() -> {
      while (true) {
        feed(filler, 0, filler.length);
      }
    }).isInstanceOf(ProtocolException.class).hasMessage("response larger than 16 MiB");
  }
}
