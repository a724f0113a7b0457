package dev.vertigram.transport;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * A {@link NetSocket} carrying MTProto frames through a {@link FrameCodec} (client or server side).
 *
 * <p>Nothing thrown while reading escapes onto the event loop: a {@link TransportErrorException} goes to the
 * exception handler and reading goes on; a {@link TransportException} (broken stream) goes to the exception
 * handler and the socket is closed; an exception thrown by the frame handler goes to the exception handler
 * and the next frames are still delivered. The default exception handler logs.
 *
 * <p>The socket is paused until {@link #frameHandler} is set, so no frame is lost.
 */
public final class TransportConnection<C extends FrameCodec> {
  private static final Logger LOG = LoggerFactory.getLogger(TransportConnection.class);
  private static final Buffer NO_BYTES = Buffer.buffer();

  private final NetSocket socket;
  private final C codec;
  private Handler<Buffer> frameHandler;
  private Handler<Throwable> exceptionHandler = e -> LOG.warn("transport connection {}: {}", this, e.toString());
  /** Set once the stream broke: bytes still arriving before the close completes are dropped. */
  private boolean broken;

  /** Wraps an open socket; reading starts when {@link #frameHandler} is set. */
  public TransportConnection(NetSocket socket, C codec) {
    this.socket = Objects.requireNonNull(socket, "socket");
    this.codec = Objects.requireNonNull(codec, "codec");
    socket.pause();
    socket.handler(this::onData);
    socket.exceptionHandler(this::report);
  }

  /** Receives every payload, in order; setting it starts reading. */
  public TransportConnection<C> frameHandler(Handler<Buffer> handler) {
    this.frameHandler = Objects.requireNonNull(handler, "handler");
    socket.resume();
    return this;
  }

  /** Receives transport errors, broken streams, socket errors and frame-handler failures. */
  public TransportConnection<C> exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /** Called once when the socket is closed, by either side. */
  public TransportConnection<C> closeHandler(Handler<Void> handler) {
    socket.closeHandler(handler);
    return this;
  }

  /** Frames and writes one payload; a payload the codec refuses gives a failed future. */
  public Future<Void> send(Buffer payload) {
    return send(payload, false);
  }

  /** As {@link #send}, handing the payload over to be framed in place: see {@link FrameCodec#encodeOwned}. */
  public Future<Void> sendOwned(Buffer payload) {
    return send(payload, true);
  }

  private Future<Void> send(Buffer payload, boolean owned) {
    Buffer wire;
    try {
      wire = owned ? codec.encodeOwned(payload) : codec.encode(payload);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return socket.write(wire);
  }

  /** Writes bytes already produced by the codec, e.g. {@link ServerTransport#encodeError(int)}. */
  public Future<Void> sendEncoded(Buffer wire) {
    return socket.write(wire);
  }

  public C codec() {
    return codec;
  }

  /** The underlying socket (addresses, back-pressure). Do not replace its handlers. */
  public NetSocket socket() {
    return socket;
  }

  public Future<Void> close() {
    return socket.close();
  }

  @Override
  public String toString() {
    return socket.localAddress() + " -> " + socket.remoteAddress();
  }

  private void onData(Buffer chunk) {
    if (broken) {
      return;
    }
    Buffer next = chunk;
    while (true) {
      try {
        codec.decode(next, this::deliver);
        return;
      } catch (TransportErrorException e) {
        report(e);
        next = NO_BYTES; // parse what followed the error frame
      } catch (RuntimeException e) {
        broken = true;
        report(e);
        socket.close();
        return;
      }
    }
  }

  private void deliver(Buffer payload) {
    try {
      frameHandler.handle(payload);
    } catch (RuntimeException e) {
      report(e);
    }
  }

  private void report(Throwable e) {
    try {
      exceptionHandler.handle(e);
    } catch (RuntimeException inner) {
      LOG.error("exception handler of {} failed on {}", this, e, inner);
    }
  }
}
