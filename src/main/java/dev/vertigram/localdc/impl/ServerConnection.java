package dev.vertigram.localdc.impl;

import dev.vertigram.mtproto.PlainMessage;
import dev.vertigram.transport.ServerTransport;
import dev.vertigram.transport.TransportException;
import dev.vertigram.transport.TransportKind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One accepted TCP connection: sniffs the framing ({@link ServerTransport}), hands each frame to the handshake or the
 * encrypted layer, and writes what the sessions queued in one flush per event-loop turn (every session with output
 * becomes one container, encrypted once). Big frames are encrypted and decrypted off the loop ({@link CryptoOffload}):
 * writes still go out in drain order, and the frames received after a big one wait until it is decrypted. No
 * exception from a frame escapes: bad framing closes the connection, a failed encryption closes it with a log line, any
 * other failure is answered with -404. Confined to the DC's event loop.
 */
final class ServerConnection {

  private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);

  private final DcState dc;
  private final NetSocket socket;
  private final Context context;
  private final ServerTransport transport = new ServerTransport();
  private final Set<Session> sessions = new HashSet<>();
  private final Set<Session> dirty = new LinkedHashSet<>();
  private boolean flushScheduled;
  private boolean closed;
  private boolean dropRequested;
  private Buffer lastFrame;
  /** Frames drained from the sessions, in wire order; big ones may still be encrypted off the loop. */
  private final ArrayDeque<Future<Buffer>> sealed = new ArrayDeque<>();
  private boolean waitingForSeal;
  /** The big inbound frame being decrypted off the loop (null when none) and the frames received after it. */
  private Future<Void> opening;
  private final ArrayDeque<Buffer> held = new ArrayDeque<>();
  private long disconnectTimer = -1;
  private String remoteHost;

  ServerConnection(DcState dc, NetSocket socket, Context context) {
    this.dc = dc;
    this.socket = socket;
    this.context = context;
  }

  void start() {
    socket.handler(this::onData);
    socket.closeHandler(v -> onClosed());
    socket.exceptionHandler(e -> log.debug("{}: socket error: {}", this, e.toString()));
  }

  private void onData(Buffer chunk) {
    if (closed) {
      return;
    }
    try {
      transport.decode(chunk, this::onFrame);
    } catch (TransportException e) {
      log.debug("{}: bad framing, closing: {}", this, e.getMessage());
      close();
    }
  }

  private void onFrame(Buffer frame) {
    if (closed) {
      return;
    }
    if (opening != null) {
      held.add(frame); // a big frame before this one is still being decrypted
      return;
    }
    try {
      int injected = dc.faults().takeTransportError();
      if (injected != 0) {
        sendTransportError(injected, "injected fault");
      } else if (PlainMessage.isPlain(frame)) {
        dc.handshake().onFrame(this, frame);
      } else {
        Future<Void> pending = dc.encryptedLayer().onFrame(this, frame);
        if (pending != null) {
          hold(pending);
          return;
        }
      }
    } catch (RuntimeException e) {
      sendTransportError(-404, "undecodable frame: " + e);
    }
    dropIfRequested();
  }

  /**
   * A big frame is being decrypted off the loop: the frames after it wait (in order), and the socket stops reading
   * until they are all processed.
   */
  private void hold(Future<Void> pending) {
    opening = pending;
    socket.pause();
    pending.onComplete(ar -> {
      opening = null;
      if (closed) {
        return;
      }
      if (ar.failed()) {
        sendTransportError(-404, "undecodable frame: " + ar.cause());
      }
      dropIfRequested();
      while (!closed && opening == null && !held.isEmpty()) {
        onFrame(held.poll());
      }
      if (!closed && opening == null) {
        socket.resume();
      }
    });
  }

  private void dropIfRequested() {
    if (dropRequested && !closed) {
      log.debug("{}: dropped by the dropConnectionAfterMessages fault", this);
      close();
    }
  }

  boolean closed() {
    return closed;
  }

  /** The drop fault fired on a message of the current frame: close once the frame is processed, writing nothing. */
  void dropAfterFrame() {
    dropRequested = true;
  }

  void adopt(Session session) {
    sessions.add(session);
  }

  void release(Session session) {
    sessions.remove(session);
    dirty.remove(session);
  }

  /** Schedules a flush of {@code session}'s output at the end of this event-loop turn. */
  void markDirty(Session session) {
    if (closed) {
      return;
    }
    dirty.add(session);
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flush());
    }
  }

  private void flush() {
    flushScheduled = false;
    List<Session> ready = new ArrayList<>(dirty);
    dirty.clear();
    for (Session s : ready) {
      if (closed) {
        return;
      }
      if (sessions.contains(s)) {
        sealed.addAll(s.drain());
      }
    }
    writeSealed();
  }

  /** Writes the encrypted frames in the order they were drained, waiting for any still encrypted off the loop. */
  private void writeSealed() {
    while (!closed && !sealed.isEmpty()) {
      Future<Buffer> next = sealed.peek();
      if (!next.isComplete()) {
        if (!waitingForSeal) {
          waitingForSeal = true;
          next.onComplete(ar -> {
            waitingForSeal = false;
            writeSealed();
          });
        }
        return;
      }
      sealed.poll();
      if (next.failed()) {
        log.warn("{}: encrypting a frame failed, closing", this, next.cause());
        close();
        return;
      }
      writeEncrypted(next.result());
    }
  }

  private void writeEncrypted(Buffer frame) {
    FaultSwitches faults = dc.faults();
    if (faults.takeCorruptMsgKey()) {
      frame = frame.copy();
      frame.setByte(8, (byte) (frame.getByte(8) ^ 0x55));
    }
    if (faults.takeReplay()) {
      write(lastFrame != null ? lastFrame : frame, false);
    }
    lastFrame = frame;
    // framed in place around the envelope (no copy); obfuscated2 would encrypt it in place, and lastFrame must stay
    write(frame, !transport.obfuscated());
  }

  /** Writes an unencrypted (handshake) message. */
  void writePlain(Buffer message) {
    write(message, false);
  }

  void sendTransportError(int code, String reason) {
    log.debug("{}: answering transport error {}: {}", this, code, reason);
    if (!closed) {
      socket.write(transport.encodeError(code));
    }
  }

  /** Frames and writes {@code payload}; {@code owned}: see {@link ServerTransport#encodeOwned}. */
  private void write(Buffer payload, boolean owned) {
    if (closed) {
      return;
    }
    if (!transport.obfuscated() && dc.faults().takeOversizedFrame()) {
      socket.write(oversizedHeader());
      return;
    }
    socket.write(owned ? transport.encodeOwned(payload) : transport.encode(payload));
  }

  /**
   * A frame header announcing a 17 MiB payload (more than any client accepts), for the oversized-frame fault. Only on
   * plain framings: the obfuscated2 stream cipher is internal to the transport, so obfuscated connections are skipped.
   */
  private Buffer oversizedHeader() {
    int length = 17 << 20;
    if (transport.kind() == TransportKind.ABRIDGED) {
      int words = length / 4;
      return Buffer.buffer(4).appendByte((byte) 0x7f).appendByte((byte) words).appendByte((byte) (words >> 8))
          .appendByte((byte) (words >> 16));
    }
    return Buffer.buffer(8).appendIntLE(length).appendIntLE(0);
  }

  /** Closes the connection {@code seconds} after the last ping_delay_disconnect. */
  void disconnectAfter(int seconds) {
    if (disconnectTimer >= 0) {
      dc.vertx().cancelTimer(disconnectTimer);
    }
    disconnectTimer = dc.vertx().setTimer(Math.max(1, seconds) * 1000L, t -> {
      log.debug("{}: ping_delay_disconnect delay elapsed", this);
      close();
    });
  }

  /** Answers a flood of ids or messages with -429 and closes. */
  void flood(String reason) {
    sendTransportError(-429, reason);
    close();
  }

  void close() {
    if (!closed) {
      onClosed();
      socket.close();
    }
  }

  private void onClosed() {
    if (closed) {
      return;
    }
    closed = true;
    if (disconnectTimer >= 0) {
      dc.vertx().cancelTimer(disconnectTimer);
    }
    for (Session s : new ArrayList<>(sessions)) {
      s.detach(this);
    }
    sessions.clear();
    dirty.clear();
    sealed.clear();
    held.clear();
  }

  /** The client's IP address (asked once: every RPC checks it for AUTH_KEY_DUPLICATED). */
  String remoteHost() {
    if (remoteHost == null) {
      remoteHost = socket.remoteAddress().hostAddress();
    }
    return remoteHost;
  }

  @Override
  public String toString() {
    return "DC" + dc.id() + " " + socket.remoteAddress();
  }
}
