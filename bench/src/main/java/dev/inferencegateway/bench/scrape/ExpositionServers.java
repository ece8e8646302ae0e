package dev.inferencegateway.bench.scrape;

import dev.inferencegateway.bench.jmh.metrics.VllmExposition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * The model servers' side of the load and scrape-cost harnesses, run in its own JVM so that its
 * CPU is not counted as the EPP's: {@code N} loopback ports that answer every HTTP/1.1 request
 * with the ~8 KB vLLM exposition (keep-alive, {@code Content-Length}, {@code TCP_NODELAY} as uvicorn
 * sets it).
 *
 * <p>It stands for model servers that in a cluster run on other machines, so it is made as cheap
 * as possible: one thread, one selector for every port, the response rendered once. Prints
 * {@code PORTS p1,p2,...} once listening, then serves until its standard input closes (the
 * harness exits) or {@code maxSeconds} pass, whichever comes first.
 *
 * <p>Usage: {@code ExpositionServers <count> <maxSeconds>}.
 */
public final class ExpositionServers {
  private static final int REQUEST_BUFFER = 8192;

  private final ByteBuffer response;
  private final Selector selector;

  private ExpositionServers(byte[] body) throws IOException {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer rendered = ByteBuffer.allocateDirect(head.length + body.length);
    rendered.put(head).put(body).flip();
    this.response = rendered.asReadOnlyBuffer();
    this.selector = Selector.open();
  }

  /** Starts the servers. */
  public static void main(String[] args) throws IOException, InterruptedException {
    int count = Integer.parseInt(args[0]);
    long maxSeconds = Long.parseLong(args[1]);
    ExpositionServers servers = new ExpositionServers(VllmExposition.bytes());
    StringJoiner ports = new StringJoiner(",", "PORTS ", "");
    for (int port : servers.listen(count)) {
      ports.add(String.valueOf(port));
    }
    Thread loop = Thread.ofPlatform().daemon().name("exposition-servers").start(servers::serve);
    System.out.println(ports);
    System.out.flush();
    Thread stdinWatcher = Thread.ofPlatform().daemon().start(() -> {
      try {
        while (System.in.read() >= 0) {
          continue;
        }
      } catch (IOException e) {
        return;
      }
    });
    stdinWatcher.join(TimeUnit.SECONDS.toMillis(maxSeconds));
    servers.selector.close();
    loop.join(TimeUnit.SECONDS.toMillis(5));
  }

  private List<Integer> listen(int count) throws IOException {
    List<Integer> ports = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ServerSocketChannel server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      ports.add(((InetSocketAddress) server.getLocalAddress()).getPort());
    }
    return ports;
  }

  private void serve() {
    try {
      while (selector.isOpen()) {
        selector.select();
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          handle(key);
        }
      }
    } catch (IOException | java.nio.channels.ClosedSelectorException e) {
      return;
    }
  }

  private void handle(SelectionKey key) throws IOException {
    if (!key.isValid()) {
      return;
    }
    if (key.isAcceptable()) {
      SocketChannel client = ((ServerSocketChannel) key.channel()).accept();
      if (client != null) {
        client.configureBlocking(false);
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        client.register(selector, SelectionKey.OP_READ, new Connection());
      }
      return;
    }
    Connection connection = (Connection) key.attachment();
    SocketChannel channel = (SocketChannel) key.channel();
    try {
      if (key.isReadable() && !connection.read(channel, response)) {
        key.cancel();
        channel.close();
        return;
      }
      connection.write(channel);
      key.interestOps(connection.writing() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    } catch (IOException | java.nio.channels.CancelledKeyException e) {
      key.cancel();
      channel.close();
    }
  }

  /** One client connection: request bytes not yet matched to a response, responses not yet written. */
  private static final class Connection {
    private final ByteBuffer request = ByteBuffer.allocate(REQUEST_BUFFER);
    private final List<ByteBuffer> pending = new ArrayList<>();
    private int matched;

    /** Reads what arrived and queues one response per complete request head; false at end of stream. */
    boolean read(SocketChannel channel, ByteBuffer response) throws IOException {
      int n = channel.read(request);
      if (n < 0) {
        return false;
      }
      byte[] bytes = request.array();
      int end = request.position();
      int consumed = 0;
      for (int i = Math.max(3, matched); i < end; i++) {
        if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
          pending.add(response.duplicate());
          consumed = i + 1;
        }
      }
      if (consumed > 0) {
        request.flip().position(consumed);
        request.compact();
      } else if (!request.hasRemaining()) {
        throw new IOException("request head larger than " + REQUEST_BUFFER + " bytes");
      }
      matched = Math.max(0, request.position() - 3);
      return true;
    }

    /** Writes queued responses until the socket would block. */
    void write(SocketChannel channel) throws IOException {
      while (!pending.isEmpty()) {
        ByteBuffer next = pending.get(0);
        channel.write(next);
        if (next.hasRemaining()) {
          return;
        }
        pending.remove(0);
      }
    }

    boolean writing() {
      return !pending.isEmpty();
    }
  }
}
