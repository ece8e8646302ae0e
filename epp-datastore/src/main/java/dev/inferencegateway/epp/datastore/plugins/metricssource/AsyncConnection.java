package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One keep-alive plain HTTP/1.1 connection on a {@link ScrapeEventLoop}, for GET exchanges of one
 * poller at a time: the request is written and the response assembled as bytes arrive, without a
 * thread waiting on the socket.
 *
 * <p>The connection stays registered for reads while idle, so a server that closes it is noticed
 * at once and the next poll connects afresh. Everything but {@link #close()} runs on the loop
 * thread.
 */
final class AsyncConnection implements ScrapeConnection, ScrapeEventLoop.Handler {
  /** Receives the outcome of an exchange on the loop thread. */
  interface Listener {
    /** The complete response arrived. */
    void received(AsyncConnection connection, ResponseAssembler.Response response);

    /**
     * The exchange failed and the connection is closed.
     *
     * @param nothingReceived whether no byte of the response arrived
     */
    void failed(AsyncConnection connection, IOException failure, boolean nothingReceived);
  }

  private final ScrapeEventLoop loop;
  private final Origin origin;
  private final SocketChannel channel;
  private final Consumer<AsyncConnection> onClose;
  private final ResponseAssembler assembler = new ResponseAssembler();
  private SelectionKey key;
  private boolean connecting;
  private ByteBuffer pending;
  private Listener listener;
  private int exchanges;
  private boolean reusable;
  private final AtomicBoolean closed = new AtomicBoolean();

  private AsyncConnection(ScrapeEventLoop loop, Origin origin, SocketChannel channel,
      Consumer<AsyncConnection> onClose) {
    this.loop = loop;
    this.origin = origin;
    this.channel = channel;
    this.onClose = onClose;
  }

  /**
   * Starts connecting to {@code origin}, whose host must be an IP address literal; call on the loop
   * thread.
   *
   * @param onClose given the connection once when it closes
   */
  static AsyncConnection open(ScrapeEventLoop loop, Origin origin, Consumer<AsyncConnection> onClose)
      throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      AsyncConnection connection = new AsyncConnection(loop, origin, channel, onClose);
      connection.connecting = !channel.connect(new InetSocketAddress(InetAddress.getByName(origin.host()), origin.port()));
      connection.key = loop.register(channel,
          connection.connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_READ, connection);
      return connection;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Returns whether the last exchange left the connection ready for another request. */
  boolean reusable() {
    return reusable && !closed.get();
  }

  /** Returns how many exchanges completed on this connection. */
  int exchanges() {
    return exchanges;
  }

  @Override
  public boolean isClosed() {
    return closed.get();
  }

  /** Sends {@code request} (a complete request head); the outcome goes to {@code listener}. */
  void exchange(byte[] request, Listener listener) {
    this.listener = listener;
    this.reusable = false;
    assembler.reset();
    pending = ByteBuffer.wrap(request);
    if (!connecting) {
      write();
    }
  }

  @Override
  public void ready(SelectionKey selected) {
    try {
      if (selected.isConnectable()) {
        channel.finishConnect();
        connecting = false;
        key.interestOps(SelectionKey.OP_READ);
        if (pending != null) {
          write();
        }
        return;
      }
      if (selected.isWritable()) {
        write();
      }
      if (selected.isReadable()) {
        read();
      }
    } catch (IOException e) {
      fail(e);
    }
  }

  /** Closes the channel; idempotent and safe from any thread. An exchange in flight fails. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // closing after a reset is not an error worth reporting
    } finally {
      onClose.accept(this);
      loop.execute(() -> fail(new IOException("connection closed")));
    }
  }

  private void write() {
    try {
      channel.write(pending);
      if (pending.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        return;
      }
      pending = null;
      if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
        key.interestOps(SelectionKey.OP_READ);
      }
    } catch (IOException e) {
      fail(e);
    }
  }

  private void read() throws IOException {
    while (true) {
      ByteBuffer space = assembler.space();
      int n = channel.read(space);
      if (n < 0) {
        assembler.endOfStream();
        break;
      }
      assembler.received(n);
      if (space.hasRemaining()) {
        break;
      }
    }
    if (listener == null) {
      close();
      return;
    }
    ResponseAssembler.Response response = assembler.complete();
    if (response != null) {
      exchanges++;
      reusable = response.keepAlive();
      Listener done = listener;
      listener = null;
      done.received(this, response);
    }
  }

  private void fail(IOException failure) {
    Listener failed = listener;
    listener = null;
    close();
    if (failed != null) {
      failed.failed(this, failure, assembler.receivedBytes() == 0);
    }
  }

  @Override
  public String toString() {
    return "connection to " + origin;
  }
}
