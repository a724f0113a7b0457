package dev.vertigram.ipc;

import dev.vertigram.files.FileTransfers;
import dev.vertigram.ipc.impl.Dedupe;
import dev.vertigram.ipc.impl.EndpointFile;
import dev.vertigram.ipc.impl.ResultJournal;
import dev.vertigram.ipc.impl.ServerConnection;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The owner's IPC endpoint: the process holding a session's lock serves the others' calls on {@code ipc.sock}, a
 * UNIX domain socket in the session folder (or TCP on 127.0.0.1 as a fallback), mode 0600, and describes it with a
 * random token in {@code ipc.json}, mode 0600. Calls run on {@code target} once per request id; their replies are
 * also kept in {@code ipc-results.bin} until acknowledged, so that the next owner answers a replayed request id
 * without running it again.
 * <pre>
 * IpcServer.start(vertx, sessionFolder, client::call, new IpcOptions())
 *     .onSuccess(ipc -> client.updateHandler(ipc::publishUpdate));
 * </pre>
 */
public final class IpcServer {

  /** The event-bus header marking an update that a forwarder published again in its own JVM. */
  public static final String RELAYED = "vertigram-ipc-relayed";
  private static final Logger LOG = LoggerFactory.getLogger(IpcServer.class);

  private final Vertx vertx;
  private final Path folder;
  private final NetServer server;
  private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
  private final Set<ServerConnection> subscribers = ConcurrentHashMap.newKeySet();
  private final long idleMillis;
  private final ResultJournal journal;
  private boolean tcp;
  private volatile MessageConsumer<JsonObject> relay;
  private volatile FileTransfers files;
  private Handler<Void> idleHandler;
  private volatile Handler<Void> shutdownHandler;
  private long idleTimer = -1;

  private IpcServer(Vertx vertx, Path folder, NetServer server, long idleMillis, ResultJournal journal) {
    this.vertx = vertx;
    this.journal = journal;
    this.folder = folder;
    this.server = server;
    this.idleMillis = idleMillis;
  }

  /** Serves {@code target} for the session in {@code folder}; call only while holding the session's lock. */
  public static Future<IpcServer> start(Vertx vertx, Path folder, RpcClient target, IpcOptions options) {
    return start(vertx, folder, target, options, new Dedupe(options.dedupeCapacity()));
  }

  /**
   * Serves with a given memory of request ids: an owner that restarts its endpoint in the same process keeps
   * answering the calls it already ran.
   */
  static Future<IpcServer> start(Vertx vertx, Path folder, RpcClient target, IpcOptions options, Dedupe dedupe) {
    return ResultJournal.open(vertx, folder, options.dedupeCapacity())
        .compose(journal -> start(vertx, folder, target, options, dedupe, journal)
            .onFailure(e -> journal.close()));
  }

  private static Future<IpcServer> start(Vertx vertx, Path folder, RpcClient target, IpcOptions options,
                                         Dedupe dedupe, ResultJournal journal) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    IpcServer ipc = new IpcServer(vertx, folder, vertx.createNetServer(), options.idleExitMillis(), journal);
    ServerConnection.Owner owner = new ServerConnection.Owner(token, target, dedupe, journal, options.maxFrameBytes(),
        ipc.subscribers::add, ipc::shutdownRequested, () -> ipc.files);
    ipc.server.connectHandler(socket -> {
      ServerConnection c = new ServerConnection(socket, owner);
      ipc.connections.add(c);
      ipc.idle();
      socket.closeHandler(v -> {
        ipc.connections.remove(c);
        ipc.subscribers.remove(c);
        ipc.idle();
      });
    });
    Path sock = folder.resolve(EndpointFile.SOCKET).toAbsolutePath();
    return vertx.<Void>executeBlocking(() -> {
      EndpointFile.delete(folder);
      return null;
    }).compose(v -> options.tcp() ? ipc.listenTcp() : ipc.server.listen(SocketAddress.domainSocketAddress(
        sock.toString())).recover(e -> {
          LOG.warn("IPC: cannot listen on the UNIX socket {} ({}): serving on TCP 127.0.0.1", sock, e.toString());
          return ipc.listenTcp();
        }))
        .compose(s -> vertx.executeBlocking(() -> {
          JsonObject endpoint = new JsonObject().put("token", token);
          if (ipc.tcp) {
            endpoint.put("host", "127.0.0.1").put("port", s.actualPort());
          } else {
            EndpointFile.ownerOnly(sock);
            endpoint.put("socket", sock.toString());
          }
          EndpointFile.write(folder, endpoint);
          return ipc;
        })).onSuccess(IpcServer::idle);
  }

  private Future<NetServer> listenTcp() {
    tcp = true;
    return server.listen(0, "127.0.0.1");
  }

  /** Sends an update to every forwarder that subscribed (wire it to the client's update handler). */
  public void publishUpdate(JsonObject update) {
    subscribers.forEach(c -> c.update(update));
  }

  /**
   * Runs {@code handler} once no forwarder has been connected for {@link IpcOptions#idleExitMillis()} (never when
   * 0): a background worker closes and exits there.
   */
  public IpcServer idleHandler(Handler<Void> handler) {
    this.idleHandler = handler;
    return this;
  }

  /**
   * Accepts the forwarders' requests to stop serving (a takeover by {@code startAndLoop}): {@code handler} runs once
   * the requester has been told yes, and should release the session (close it) and exit. Without a handler (the
   * default) such requests are refused: only background workers hand their session over.
   */
  public IpcServer shutdownHandler(Handler<Void> handler) {
    this.shutdownHandler = handler;
    return this;
  }

  private boolean shutdownRequested() {
    Handler<Void> h = shutdownHandler;
    if (h == null) {
      return false;
    }
    LOG.info("IPC: a forwarder asked this owner to hand the session over");
    vertx.runOnContext(v -> h.handle(null));
    return true;
  }

  /** Whether the endpoint is on TCP (configured, or the fallback when the domain socket failed). */
  public boolean tcp() {
    return tcp;
  }

  /** (Re)arms the idle timer when nobody is connected, disarms it otherwise. */
  private synchronized void idle() {
    if (idleTimer >= 0) {
      vertx.cancelTimer(idleTimer);
      idleTimer = -1;
    }
    if (idleMillis > 0 && connections.isEmpty()) {
      idleTimer = vertx.setTimer(idleMillis, t -> {
        Handler<Void> h = idleHandler;
        if (connections.isEmpty() && h != null) {
          h.handle(null);
        }
      });
    }
  }

  /**
   * Relays to the subscribed forwarders every update published on the event bus at {@code address} (the session's
   * UpdatesVerticle address), except those a forwarder in this JVM published again (header {@link #RELAYED}).
   */
  public IpcServer relayUpdates(String address) {
    MessageConsumer<JsonObject> old = relay;
    relay = vertx.eventBus().<JsonObject>consumer(address, m -> {
      if (m.headers().get(RELAYED) == null) {
        publishUpdate(m.body());
      }
    });
    if (old != null) {
      old.unregister();
    }
    return this;
  }

  /** Runs the forwarders' file transfers ({@link IpcClient#transfer}) on {@code files}; without it they fail. */
  public IpcServer transfers(FileTransfers files) {
    this.files = files;
    return this;
  }

  /** How many forwarders are connected. */
  public int connections() {
    return connections.size();
  }

  /** Stops serving: closes every connection and deletes the endpoint files. Calls still running go on. */
  public Future<Void> close() {
    MessageConsumer<JsonObject> r = relay;
    Future<Void> unrelayed = r == null ? Future.succeededFuture() : r.unregister();
    return unrelayed.eventually(server::close)
        .compose(v -> Future.join(connections.stream().map(ServerConnection::close).toList()))
        .compose(v -> vertx.<Void>executeBlocking(() -> {
          EndpointFile.delete(folder);
          return null;
        })).eventually(journal::close);
  }
}
