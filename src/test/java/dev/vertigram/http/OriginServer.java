package dev.vertigram.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SelfSignedCertificate;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test-only HTTP(S) origin on 127.0.0.1: {@code /data} (with Content-Length), {@code /chunked} (the same bytes,
 * chunked), {@code /echo} (the request body back), {@code /empty} (0 bytes), {@code /endless} (data repeated while
 * the connection takes it), anything else 404. It records each
 * request's Host header and, over TLS, the SNI server name.
 */
public final class OriginServer {

  public final byte[] data;
  final List<String> hosts = new CopyOnWriteArrayList<>();
  final List<String> sniNames = new CopyOnWriteArrayList<>();
  /** Bytes written so far on {@code /endless} responses. */
  final AtomicLong endlessBytes = new AtomicLong();
  private final HttpServer server;

  private OriginServer(Vertx vertx, int size, SelfSignedCertificate cert) {
    data = new byte[size];
    new Random(size).nextBytes(data);
    HttpServerOptions options = new HttpServerOptions();
    if (cert != null) {
      options.setSsl(true).setSni(true).setKeyCertOptions(cert.keyCertOptions());
    }
    server = vertx.createHttpServer(options).requestHandler(this::handle);
  }

  /** A plain HTTP origin serving {@code size} random bytes. */
  public static Future<OriginServer> start(Vertx vertx, int size) {
    return start(vertx, size, null);
  }

  /** An HTTPS origin with {@code cert} (null: plain HTTP). */
  static Future<OriginServer> start(Vertx vertx, int size, SelfSignedCertificate cert) {
    OriginServer origin = new OriginServer(vertx, size, cert);
    return origin.server.listen(0, "127.0.0.1").map(s -> origin);
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }

  /** Writes {@code data} again and again, chunked, only while the connection takes it (until the client resets). */
  private void writeWhileNotFull(HttpServerResponse response) {
    while (!response.writeQueueFull() && !response.closed()) {
      response.write(Buffer.buffer(data));
      endlessBytes.addAndGet(data.length);
    }
    if (!response.closed()) {
      response.drainHandler(v -> writeWhileNotFull(response));
    }
  }

  private void handle(HttpServerRequest request) {
    hosts.add(request.authority() == null ? null : request.authority().toString());
    if (request.connection().indicatedServerName() != null) {
      sniNames.add(request.connection().indicatedServerName());
    }
    switch (request.path()) {
      case "/data" -> request.response().putHeader("Content-Disposition", "attachment; filename=\"data.bin\"")
          .putHeader("Content-Type", "application/x-test; charset=binary").end(Buffer.buffer(data));
      case "/chunked" -> {
        request.response().setChunked(true);
        for (int off = 0; off < data.length; off += 10_000) {
          request.response().write(Buffer.buffer(data).getBuffer(off, Math.min(data.length, off + 10_000)));
        }
        request.response().end();
      }
      case "/echo" -> request.body().onSuccess(body -> request.response().end(body));
      case "/empty" -> request.response().end();
      case "/endless" -> writeWhileNotFull(request.response().setChunked(true));
      default -> request.response().setStatusCode(404).end("no such file");
    }
  }
}
