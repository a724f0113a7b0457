package dev.vertigram.storage;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static dev.vertigram.storage.StoreTestSupport.await;

/** A TCP relay on 127.0.0.1 in front of a server, that a test can cut and make refuse connections (an outage). */
final class TcpProxy implements AutoCloseable {

  private final NetServer server;
  private final NetClient client;
  private final Queue<NetSocket> sockets = new ConcurrentLinkedQueue<>();
  private volatile boolean refusing;

  TcpProxy(Vertx vertx, int targetPort) {
    client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(in -> {
      if (refusing) {
        in.close();
        return;
      }
      in.pause();
      client.connect(targetPort, "127.0.0.1").onComplete(ar -> {
        if (ar.failed()) {
          in.close();
          return;
        }
        NetSocket out = ar.result();
        sockets.add(in);
        sockets.add(out);
        in.handler(out::write);
        out.handler(in::write);
        in.closeHandler(v -> out.close());
        out.closeHandler(v -> in.close());
        in.resume();
      });
    });
    await(server.listen(0, "127.0.0.1"));
  }

  int port() {
    return server.actualPort();
  }

  /** Closes every relayed connection now. */
  void cut() {
    for (NetSocket s = sockets.poll(); s != null; s = sockets.poll()) {
      s.close();
    }
  }

  /** While true, new connections are closed as soon as they are accepted. */
  void refuse(boolean refusing) {
    this.refusing = refusing;
  }

  @Override
  public void close() {
    cut();
    await(server.close());
    await(client.close());
  }
}
