package dev.vertigram.localdc;

import dev.vertigram.transport.ClientTransport;
import dev.vertigram.transport.TransportErrorException;
import dev.vertigram.transport.TransportException;
import dev.vertigram.transport.TransportKind;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP connection to a Local DC for tests, driven from the test thread: frames, transport errors and the close
 * arrive in a queue.
 */
final class TestConnection implements AutoCloseable {

  static final long TIMEOUT_MS = 5000;
  private static final Object CLOSED = new Object();

  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final ClientTransport transport;
  private final NetClient client;
  private final NetSocket socket;

  private TestConnection(Vertx vertx, DcEndpoint ep, ClientTransport transport, String localAddress)
      throws Exception {
    this.transport = transport;
    this.client = vertx.createNetClient(new io.vertx.core.net.NetClientOptions().setLocalAddress(localAddress));
    this.socket = client.connect(ep.port(), ep.host()).toCompletionStage().toCompletableFuture()
        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    socket.handler(this::onData);
    socket.closeHandler(v -> inbox.add(CLOSED));
  }

  static TestConnection open(Vertx vertx, DcEndpoint ep) throws Exception {
    return open(vertx, ep, TransportKind.INTERMEDIATE, false);
  }

  static TestConnection open(Vertx vertx, DcEndpoint ep, TransportKind kind, boolean obfuscated) throws Exception {
    return new TestConnection(vertx, ep, ClientTransport.create(kind, obfuscated, ep.id()), null);
  }

  /** An intermediate connection from the local address {@code localAddress} (e.g. 127.0.0.2). */
  static TestConnection openFrom(Vertx vertx, DcEndpoint ep, String localAddress) throws Exception {
    return new TestConnection(vertx, ep, ClientTransport.create(TransportKind.INTERMEDIATE, false, ep.id()),
        localAddress);
  }

  private void onData(Buffer chunk) {
    Buffer next = chunk;
    while (true) {
      try {
        transport.decode(next, inbox::add);
        return;
      } catch (TransportErrorException e) {
        inbox.add(e.code());
        next = Buffer.buffer();
      } catch (TransportException e) {
        inbox.add(e);
        return;
      }
    }
  }

  /** Sends one payload in the connection's framing. */
  void send(Buffer payload) {
    socket.write(transport.encode(payload));
  }

  /** Sends bytes as they are (no framing). */
  void sendRaw(Buffer bytes) {
    socket.write(bytes);
  }

  /** The next event: a Buffer frame, an Integer transport error, a TransportException, or CLOSED. */
  private Object next(long timeoutMs) throws InterruptedException {
    Object o = inbox.poll(timeoutMs, TimeUnit.MILLISECONDS);
    if (o == null) {
      throw new AssertionError("nothing received within " + timeoutMs + " ms");
    }
    return o;
  }

  /** The next frame; a transport error is thrown as {@link TransportErrorException}. */
  Buffer frame() throws InterruptedException {
    Object o = next(TIMEOUT_MS);
    if (o instanceof Integer code) {
      throw new TransportErrorException(code);
    }
    if (o instanceof Buffer b) {
      return b;
    }
    throw new AssertionError("expected a frame, got " + (o == CLOSED ? "the connection closed" : o));
  }

  /** The next event must be a transport error: returns its code. */
  int transportError() throws InterruptedException {
    Object o = next(TIMEOUT_MS);
    if (o instanceof Integer code) {
      return code;
    }
    throw new AssertionError("expected a transport error, got " + (o == CLOSED ? "the connection closed" : o));
  }

  /** The next event must be a framing error (the server sent a broken frame). */
  TransportException framingError() throws InterruptedException {
    Object o = next(TIMEOUT_MS);
    if (o instanceof TransportException e) {
      return e;
    }
    throw new AssertionError("expected a framing error, got " + o);
  }

  /** Waits for the server to close the connection, skipping anything received before. */
  boolean awaitClosed(long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      Object o = left > 0 ? inbox.poll(left, TimeUnit.MILLISECONDS) : null;
      if (o == null) {
        return false;
      }
      if (o == CLOSED) {
        return true;
      }
    }
  }

  /** True when nothing arrives within {@code ms}. */
  boolean quiet(long ms) throws InterruptedException {
    Object o = inbox.poll(ms, TimeUnit.MILLISECONDS);
    if (o != null) {
      inbox.add(o);
    }
    return o == null;
  }

  @Override
  public void close() {
    socket.close();
    client.close();
  }
}
