package dev.vertigram.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal test-only HTTP CONNECT proxy: records each CONNECT target and Proxy-Authorization, then pipes. */
public final class HttpConnectTestProxy {
  public final List<String> targets = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();

  /** Targets (host:port) connected to another host:port instead, for tests where the direct route must fail. */
  public final Map<String, String> routes = new ConcurrentHashMap<>();

  private final HttpServer server;
  private final NetClient client;

  private HttpConnectTestProxy(Vertx vertx) {
    this.client = vertx.createNetClient();
    this.server = vertx.createHttpServer().requestHandler(this::handle);
  }

  public static Future<HttpConnectTestProxy> start(Vertx vertx) {
    HttpConnectTestProxy proxy = new HttpConnectTestProxy(vertx);
    return proxy.server.listen(0, "127.0.0.1").map(s -> proxy);
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close().compose(v -> client.close());
  }

  private void handle(HttpServerRequest request) {
    if (request.method() != HttpMethod.CONNECT) {
      request.response().setStatusCode(405).end();
      return;
    }
    String target = routes.getOrDefault(request.uri(), request.uri());
    targets.add(request.uri());
    authorizations.add(String.valueOf(request.getHeader("Proxy-Authorization")));
    int colon = target.lastIndexOf(':');
    request.toNetSocket().onSuccess(downstream -> {
      downstream.pause(); // until the upstream connection is open
      client.connect(Integer.parseInt(target.substring(colon + 1)), target.substring(0, colon))
        .onFailure(e -> downstream.close())
        .onSuccess(upstream -> {
          downstream.pipeTo(upstream);
          upstream.pipeTo(downstream);
        });
    });
  }
}
