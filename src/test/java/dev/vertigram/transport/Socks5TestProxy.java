package dev.vertigram.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal test-only SOCKS5 server (RFC 1928 CONNECT with IPv4 or domain targets, RFC 1929 username/password):
 * records the requested targets and credentials, then pipes bytes both ways.
 */
public final class Socks5TestProxy {
  public final List<String> targets = new CopyOnWriteArrayList<>();
  final List<String> credentials = new CopyOnWriteArrayList<>();

  /** Targets (host:port) connected to another host:port instead, for tests where the direct route must fail. */
  public final Map<String, String> routes = new ConcurrentHashMap<>();

  private final NetServer server;
  private final NetClient client;

  private Socks5TestProxy(Vertx vertx) {
    this.client = vertx.createNetClient();
    this.server = vertx.createNetServer().connectHandler(socket -> new Session(socket).start());
  }

  public static Future<Socks5TestProxy> start(Vertx vertx) {
    Socks5TestProxy proxy = new Socks5TestProxy(vertx);
    return proxy.server.listen(0, "127.0.0.1").map(s -> proxy);
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close().compose(v -> client.close());
  }

  /** One client: greeting, optional login, CONNECT request, then a pipe. */
  private final class Session {
    private final NetSocket socket;
    private Buffer in = Buffer.buffer();
    private int stage; // 0 greeting, 1 login, 2 request, 3 piping

    Session(NetSocket socket) {
      this.socket = socket;
    }

    void start() {
      socket.handler(chunk -> {
        in.appendBuffer(chunk);
        while (stage < 3) {
          int used = stage == 0 ? greeting() : stage == 1 ? login() : request();
          if (used < 0) {
            return;
          }
          in = in.getBuffer(used, in.length());
        }
      });
    }

    private int greeting() {
      if (in.length() < 2 || in.length() < 2 + in.getUnsignedByte(1)) {
        return -1;
      }
      boolean login = false;
      for (int i = 0; i < in.getUnsignedByte(1); i++) {
        login |= in.getByte(2 + i) == 2;
      }
      socket.write(Buffer.buffer(new byte[] {5, (byte) (login ? 2 : 0)}));
      stage = login ? 1 : 2;
      return 2 + in.getUnsignedByte(1);
    }

    private int login() {
      if (in.length() < 2 || in.length() < 3 + in.getUnsignedByte(1)) {
        return -1;
      }
      int ulen = in.getUnsignedByte(1);
      int plen = in.getUnsignedByte(2 + ulen);
      if (in.length() < 3 + ulen + plen) {
        return -1;
      }
      credentials.add(in.getString(2, 2 + ulen) + ":" + in.getString(3 + ulen, 3 + ulen + plen));
      socket.write(Buffer.buffer(new byte[] {1, 0}));
      stage = 2;
      return 3 + ulen + plen;
    }

    private int request() {
      if (in.length() < 5) {
        return -1;
      }
      int atyp = in.getUnsignedByte(3);
      int addrLen = atyp == 1 ? 4 : 1 + in.getUnsignedByte(4);
      int total = 4 + addrLen + 2;
      if (in.length() < total) {
        return -1;
      }
      String host = atyp == 1
        ? in.getUnsignedByte(4) + "." + in.getUnsignedByte(5) + "." + in.getUnsignedByte(6) + "."
          + in.getUnsignedByte(7)
        : in.getString(5, 4 + addrLen);
      int port = in.getUnsignedShort(4 + addrLen);
      targets.add(host + ":" + port);
      stage = 3;
      socket.pause();
      String to = routes.getOrDefault(host + ":" + port, host + ":" + port);
      int colon = to.lastIndexOf(':');
      client.connect(Integer.parseInt(to.substring(colon + 1)), to.substring(0, colon)).onComplete(ar -> {
        if (ar.failed()) {
          socket.write(Buffer.buffer(new byte[] {5, 5, 0, 1, 0, 0, 0, 0, 0, 0})).onComplete(v -> socket.close());
          return;
        }
        NetSocket target = ar.result();
        socket.write(Buffer.buffer(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0}));
        if (in.length() > total) {
          target.write(in.getBuffer(total, in.length()));
        }
        socket.pipeTo(target);
        target.pipeTo(socket);
      });
      return total;
    }
  }
}
