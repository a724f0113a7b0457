package dev.vertigram.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;

/**
 * A test-only TCP server speaking the server side of the transport: echoes every payload, except a 4-byte
 * payload holding a negative int, answered with that transport error, and the 4-byte payload 0, answered with
 * bytes that break any plain intermediate stream.
 */
final class EchoDcServer {
  static final Buffer BREAK = Buffer.buffer().appendIntLE(0);

  private final NetServer server;

  private EchoDcServer(NetServer server) {
    this.server = server;
  }

  static Future<EchoDcServer> start(Vertx vertx) {
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      TransportConnection<ServerTransport> conn = new TransportConnection<>(socket, new ServerTransport());
      conn.frameHandler(payload -> {
        if (payload.length() == 4 && payload.getIntLE(0) < 0) {
          conn.sendEncoded(conn.codec().encodeError(payload.getIntLE(0)));
        } else if (payload.equals(BREAK)) {
          conn.sendEncoded(Buffer.buffer().appendIntLE(Integer.MAX_VALUE));
        } else {
          conn.send(payload);
        }
      });
    });
    return server.listen(0, "127.0.0.1").map(EchoDcServer::new);
  }

  int port() {
    return server.actualPort();
  }

  Future<Void> close() {
    return server.close();
  }
}
