package dev.vertigram.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only RFC 8484 server on 127.0.0.1: GET /dns-query?dns=... answered from {@link #records} (name → IPv4,
 * with {@link #ttl}), NXDOMAIN for other names, HTTP 500 for names in {@link #broken}, a 128 KiB chunked answer
 * (no Content-Length) for names in {@link #oversized}. Answers use a compression
 * pointer for the record's name, as real servers do. It records the names asked ({@link #asked}).
 */
final class DohTestServer {

  final Map<String, String> records = new ConcurrentHashMap<>();
  final List<String> broken = new CopyOnWriteArrayList<>();
  final List<String> oversized = new CopyOnWriteArrayList<>();
  final List<String> asked = new CopyOnWriteArrayList<>();
  volatile long ttl = 60;

  private final HttpServer server;

  private DohTestServer(Vertx vertx) {
    server = vertx.createHttpServer().requestHandler(this::handle);
  }

  static Future<DohTestServer> start(Vertx vertx) {
    DohTestServer doh = new DohTestServer(vertx);
    return doh.server.listen(0, "127.0.0.1").map(s -> doh);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/dns-query";
  }

  Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request) {
    Buffer query = Buffer.buffer(Base64.getUrlDecoder().decode(request.getParam("dns")));
    StringBuilder name = new StringBuilder();
    int pos = 12;
    for (int len = query.getUnsignedByte(pos); len != 0; len = query.getUnsignedByte(pos)) {
      name.append(name.length() == 0 ? "" : ".").append(query.getString(pos + 1, pos + 1 + len));
      pos += 1 + len;
    }
    int type = query.getUnsignedShort(pos + 1);
    String host = name.toString();
    asked.add(host + "/" + (type == 1 ? "A" : type == 28 ? "AAAA" : type));
    if (broken.contains(host)) {
      request.response().setStatusCode(500).end("resolver broken");
      return;
    }
    if (oversized.contains(host)) {
      request.response().setChunked(true).putHeader("Content-Type", "application/dns-message");
      sendChunks(request.response());
      return;
    }
    String ip = records.get(host);
    boolean answer = ip != null && type == 1;
    Buffer out = Buffer.buffer().appendUnsignedShort(query.getUnsignedShort(0))
        .appendUnsignedShort(0x8180 | (ip == null ? 3 : 0)).appendUnsignedShort(1)
        .appendUnsignedShort(answer ? 1 : 0).appendUnsignedShort(0).appendUnsignedShort(0)
        .appendBuffer(query.getBuffer(12, pos + 5));
    if (answer) {
      out.appendUnsignedShort(0xC00C).appendUnsignedShort(1).appendUnsignedShort(1).appendUnsignedInt(ttl)
          .appendUnsignedShort(4);
      for (String part : ip.split("\\.")) {
        out.appendUnsignedByte(Short.parseShort(part));
      }
    }
    request.response().putHeader("Content-Type", "application/dns-message").end(out);
  }

  /** Writes 128 KiB in 8 KiB chunks: twice the bound of a DNS message. */
  private static void sendChunks(HttpServerResponse response) {
    for (int i = 0; i < 16; i++) {
      response.write(Buffer.buffer(new byte[8192]));
    }
    response.end();
  }
}
