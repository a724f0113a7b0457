package dev.vertigram.http.impl;

import dev.vertigram.http.HttpStream;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.ReadStream;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An {@link HttpStream} over a paused Vert.x client response. */
final class ResponseStream implements HttpStream {

  private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");

  private final HttpClientResponse response;
  private final Target target;
  private final boolean proxied;

  ResponseStream(HttpClientResponse response, Target target, boolean proxied) {
    this.response = response;
    this.target = target;
    this.proxied = proxied;
  }

  @Override
  public int status() {
    return response.statusCode();
  }

  /** The status line's reason phrase. */
  String reason() {
    return response.statusMessage();
  }

  @Override
  public MultiMap headers() {
    return response.headers();
  }

  @Override
  public long contentLength() {
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public boolean proxied() {
    return proxied;
  }

  @Override
  public String fileName() {
    String disposition = response.getHeader("Content-Disposition");
    Matcher m = disposition == null ? null : FILENAME.matcher(disposition);
    String name = m != null && m.find() ? m.group(1) : target.fileName();
    if (name != null) {
      name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).trim();
    }
    return name == null || name.isEmpty() ? "file" : name;
  }

  @Override
  public ReadStream<Buffer> body() {
    return response;
  }

  @Override
  public void abort() {
    reset(response);
  }

  /** Drops a response's body and connection, quietly: the reset's own StreamResetException is expected. */
  static void reset(HttpClientResponse response) {
    try {
      response.exceptionHandler(e -> { });
    } catch (IllegalStateException alreadyEnded) {
      return; // the whole body has arrived: nothing to drop
    }
    response.request().reset();
  }
}
