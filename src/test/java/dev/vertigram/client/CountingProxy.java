package dev.vertigram.client;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.vertigram.client.LocalDcFixture.await;

/**
 * A TCP relay on 127.0.0.1 in front of a server that counts the connections it accepts; while refusing, it closes
 * each new connection at once (a server that keeps hanging up).
 */
final class CountingProxy implements AutoCloseable {

  private final NetServer server;
  private final NetClient client;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean refusing;

  CountingProxy(Vertx vertx, int targetPort) {
    client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(in -> {
      connections.incrementAndGet();
      if (refusing) {
        in.close();
        return;
      }
      in.pause(); // until the other side is connected; the pipe resumes it
      client.connect(targetPort, "127.0.0.1").onSuccess(out -> {
        in.pipeTo(out);
        out.pipeTo(in);
      }).onFailure(e -> in.close());
    });
    await(server.listen(0, "127.0.0.1"));
  }

  int port() {
    return server.actualPort();
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** While true, new connections are closed as soon as they are accepted. */
  void refuse(boolean refusing) {
    this.refusing = refusing;
  }

  @Override
  public void close() {
    await(server.close());
    await(client.close());
  }
}
