package dev.vertigram.ipc;

import dev.vertigram.ipc.impl.Dedupe;
import dev.vertigram.ipc.impl.EndpointFile;
import dev.vertigram.ipc.impl.ServerConnection;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.SocketAddress;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The owner's IPC endpoint: the process holding a session's lock serves the others' calls on {@code ipc.sock}, a
 * UNIX domain socket in the session folder (or TCP on 127.0.0.1 as a fallback), mode 0600, and describes it with a
 * random token in {@code ipc.json}, mode 0600. Calls run on {@code target} once per request id.
 * <pre>
 * IpcServer.start(vertx, sessionFolder, client::call, new IpcOptions())
 *     .onSuccess(ipc -> client.updateHandler(ipc::publishUpdate));
 * </pre>
 */
public final class IpcServer {

  private final Vertx vertx;
  private final Path folder;
  private final NetServer server;
  private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
  private final Set<ServerConnection> subscribers = ConcurrentHashMap.newKeySet();
  private final long idleMillis;
  private Handler<Void> idleHandler;
  private long idleTimer = -1;

  private IpcServer(Vertx vertx, Path folder, NetServer server, long idleMillis) {
    this.vertx = vertx;
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
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    IpcServer ipc = new IpcServer(vertx, folder, vertx.createNetServer(), options.idleExitMillis());
    ServerConnection.Owner owner = new ServerConnection.Owner(token, target, dedupe, options.maxFrameBytes(),
        ipc.subscribers::add);
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
    }).compose(v -> options.tcp() ? ipc.server.listen(0, "127.0.0.1")
        : ipc.server.listen(SocketAddress.domainSocketAddress(sock.toString())))
        .compose(s -> vertx.executeBlocking(() -> {
          JsonObject endpoint = new JsonObject().put("token", token);
          if (options.tcp()) {
            endpoint.put("host", "127.0.0.1").put("port", s.actualPort());
          } else {
            EndpointFile.ownerOnly(sock);
            endpoint.put("socket", sock.toString());
          }
          EndpointFile.write(folder, endpoint);
          return ipc;
        })).onSuccess(IpcServer::idle);
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

  /** How many forwarders are connected. */
  public int connections() {
    return connections.size();
  }

  /** Stops serving: closes every connection and deletes the endpoint files. Calls still running go on. */
  public Future<Void> close() {
    return server.close().compose(v -> Future.join(connections.stream().map(ServerConnection::close).toList()))
        .compose(v -> vertx.executeBlocking(() -> {
          EndpointFile.delete(folder);
          return null;
        }));
  }
}
