package dev.vertigram.client.impl;

import dev.vertigram.client.ClientOptions;
import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.mtproto.MtSession;
import dev.vertigram.mtproto.MtprotoException;
import dev.vertigram.mtproto.PlainMessage;
import dev.vertigram.mtproto.SessionListener;
import dev.vertigram.transport.ClientTransport;
import dev.vertigram.transport.TcpConnector;
import dev.vertigram.transport.TransportConnection;
import dev.vertigram.transport.TransportErrorException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One TCP connection to one DC and the MTProto session on it, all on one Vert.x context: connects (directly or
 * through the proxy), creates the permanent key when the DC has none, with PFS creates and binds a temporary key,
 * then runs the {@link MtSession}. Calls submitted before it is ready wait; when the TCP connection drops it
 * reconnects with {@link Backoff back-off} and the session re-sends what was not answered.
 */
public final class Connection implements SessionListener {

  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  final Context context;
  final ClientCore core;
  final int dcId;
  final boolean media;
  private final TcpConnector connector;
  private final CallInbox inbox;
  private final List<RpcCall> waiting = new ArrayList<>();
  private final SessionKeys keys;
  private TransportConnection<ClientTransport> tcp;
  private PlainExchange plain;
  private boolean ready;
  private boolean connecting;
  private boolean closed;
  /** The last handshake was refused (security or protocol failure): no automatic reconnect while idle. */
  private boolean refused;
  private int generation;
  private final Backoff backoff = new Backoff();
  private long reconnectTimer = -1;
  /** The last reason the connection was dropped or refused. */
  private Throwable lastError;
  /** Calls taken by this connection (attempts, on its context; read from anywhere). */
  private volatile long callsTaken;

  Connection(Context context, ClientCore core, int dcId, boolean media) {
    this.context = context;
    this.core = core;
    this.dcId = dcId;
    this.media = media;
    this.connector = new TcpConnector(core.vertx, core.options.transport());
    this.inbox = new CallInbox(this);
    this.keys = new SessionKeys(this);
  }

  /** Takes a call from any thread; calls submitted in one event-loop tick reach the session in one batch. */
  void submit(RpcCall call) {
    inbox.submit(call);
  }

  // ---- on the context ----

  void enqueue(RpcCall call) {
    if (call.finished()) {
      return;
    }
    call.connection = this;
    callsTaken++;
    if (ready) {
      call.sendOn(keys.session());
    } else if (closed) {
      call.fail(new MtprotoException("connection to DC " + dcId + " is closed"));
    } else {
      waiting.add(call);
      connect();
    }
  }

  /** Takes a call back: out of the waiting list, or out of the session (rpc_drop_answer once sent). */
  void withdraw(RpcCall call) {
    if (!waiting.remove(call) && call.query != null && keys.session() != null) {
      keys.session().cancel(call.query);
    }
  }

  /** Calls (attempts) this connection has taken so far. */
  public long callsTaken() {
    return callsTaken;
  }

  /** Closes the socket and fails every call still waiting or running. */
  public Future<Void> close() {
    closed = true;
    ready = false;
    core.vertx.cancelTimer(reconnectTimer);
    MtprotoException cause = new MtprotoException("client closed");
    keys.close(cause);
    failWaiting(cause);
    Future<Void> socketClosed = tcp != null ? tcp.close() : Future.succeededFuture();
    return socketClosed.transform(v -> connector.close());
  }

  private void connect() {
    if (connecting || ready || closed || reconnectTimer >= 0) {
      return;
    }
    ClientOptions.Dc dc = core.options.dc(dcId);
    if (dc == null) {
      failWaiting(new MtprotoException("no address for DC " + dcId));
      return;
    }
    connecting = true;
    int gen = ++generation;
    connector.connect(dc.host(), dc.port(), core.protocolDcId(dcId, media)).onComplete(ar -> {
      if (ar.failed()) {
        dropped(gen, ar.cause());
        return;
      }
      if (gen != generation || closed) {
        ar.result().close();
        return;
      }
      tcp = ar.result();
      log.debug("DC {} gen {}: connected {}", dcId, gen, tcp);
      plain = new PlainExchange(core.vertx, keys.clock(), payload -> send(gen, payload),
          core.options.handshakeTimeout());
      tcp.frameHandler(frame -> onFrame(gen, frame))
          .exceptionHandler(e -> onTransportError(gen, e))
          .closeHandler(v -> dropped(gen, new MtprotoException("connection to DC " + dcId + " closed")));
      establish(gen);
    });
  }

  /** Keys, session, binding: everything between the TCP connect and the first call. */
  private void establish(int gen) {
    keys.establish(plain, () -> gen == generation).onComplete(ar -> {
      if (gen != generation) {
        return;
      }
      if (ar.failed()) {
        handshakeFailed(gen, ar.cause());
      } else {
        ready(gen, ar.result());
      }
    });
  }

  private void ready(int gen, MtSession session) {
    connecting = false;
    ready = true;
    refused = false;
    backoff.up(System.currentTimeMillis());
    log.debug("DC {} gen {}: ready on {}", dcId, gen, tcp);
    List<RpcCall> calls = new ArrayList<>(waiting);
    waiting.clear();
    calls.forEach(c -> c.sendOn(session));
    keys.scheduleRenewal(gen);
  }

  /** Time for a new temporary key: reconnect, which creates and binds one; unanswered calls move over. */
  void renewTempKey(int gen) {
    if (gen == generation && ready) {
      log.debug("DC {}: renewing the temporary key", dcId);
      keys.renewTempKey();
      backoff.reset();
      closeTcp(gen);
    }
  }

  private void handshakeFailed(int gen, Throwable cause) {
    lastError = cause;
    if (cause instanceof SecurityCheckException || cause instanceof MtprotoException) {
      // a refused or hostile handshake: tell the waiting calls rather than retry forever
      log.warn("DC {} refused: {}", dcId, cause.getMessage());
      refused = true;
      failWaiting(new MtprotoException("connection to DC " + dcId + " failed: " + cause.getMessage(), cause));
    }
    closeTcp(gen);
  }

  private void onFrame(int gen, Buffer frame) {
    if (gen != generation) {
      return;
    }
    if (PlainMessage.isPlain(frame)) {
      plain.onFrame(frame);
    } else if (keys.accepts(frame)) {
      keys.session().onFrame(frame);
    } else {
      onFatal(new SecurityCheckException("message under an unknown auth_key_id"));
    }
  }

  private void onTransportError(int gen, Throwable e) {
    if (gen != generation) {
      return;
    }
    lastError = e;
    if (e instanceof TransportErrorException te) {
      log.warn("DC {} sent transport error {}", dcId, te.code());
      if (te.code() == -429) {
        backoff.atLeast(1000);
      } else if (te.code() == -404 && keys.keyed()) {
        keys.keyUnknown(); // reconnecting creates a new key
      } else if (!ready) {
        refused = true;
        failWaiting(new MtprotoException("DC " + dcId + " refused the connection with transport error " + te.code()));
      }
    } else {
      log.warn("DC {} connection error: {}", dcId, e.toString());
    }
    closeTcp(gen);
  }

  private void closeTcp(int gen) {
    if (gen == generation && tcp != null) {
      tcp.close();
    }
    dropped(gen, lastError);
  }

  /** The TCP connection is gone (or never came up): the session waits, and we reconnect after a back-off. */
  private void dropped(int gen, Throwable cause) {
    if (gen != generation) {
      return;
    }
    generation++;
    if (cause != null) {
      lastError = cause;
    }
    log.debug("DC {} gen {}: dropped {}: {}", dcId, gen, tcp, String.valueOf(cause));
    connecting = false;
    ready = false;
    tcp = null;
    keys.cancelRenewal();
    if (plain != null) {
      plain.fail(cause != null ? cause : new MtprotoException("connection lost"));
    }
    MtSession session = keys.session();
    if (session != null) {
      session.detach();
    }
    boolean idle = waiting.isEmpty() && (session == null || session.pendingCount() == 0);
    if (closed || (idle && refused)) {
      return;
    }
    long delay = backoff.next(System.currentTimeMillis());
    log.debug("DC {}: reconnecting in {} ms", dcId, delay);
    reconnectTimer = core.vertx.setTimer(Math.max(1, delay), id -> context.runOnContext(v -> {
      reconnectTimer = -1;
      connect();
    }));
  }

  private void failWaiting(Throwable cause) {
    List<RpcCall> calls = new ArrayList<>(waiting);
    waiting.clear();
    calls.forEach(c -> c.fail(cause));
  }

  private void send(int gen, Buffer payload) {
    if (gen == generation && tcp != null) {
      tcp.send(payload);
    }
  }

  // ---- SessionListener ----

  @Override
  public void write(Buffer payload) {
    if (tcp != null) {
      tcp.sendOwned(payload);
    }
  }

  @Override
  public void onUpdate(JsonObject update) {
    if (media) {
      // its calls are sent with invokeWithoutUpdates; a server that pushes anyway also pushes to the main connection
      log.debug("DC {}: update on a media connection ignored: {}", dcId, update.getString("_"));
    } else {
      core.updateHandler.handle(update);
    }
  }

  @Override
  public void onUpdatesGap(String reason) {
    if (!media) {
      core.gapHandler.handle(reason);
    }
  }

  @Override
  public void onServerSalts(Buffer saved) {
    keys.saltsChanged(saved);
  }

  @Override
  public void onClockSynced(long offsetMillis) {
    core.store.saveTimeOffset(offsetMillis);
  }

  @Override
  public void onFatal(Throwable cause) {
    log.warn("dropping the connection to DC {}: {}", dcId, cause.getMessage());
    lastError = cause;
    closeTcp(generation);
  }
}
