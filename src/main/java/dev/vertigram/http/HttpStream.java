package dev.vertigram.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/** An HTTP response whose body is still to be read: see {@link HttpFetcher#stream(String)}. */
public interface HttpStream {

  int status();

  MultiMap headers();

  /** The Content-Length, or -1 when the body's length is not announced (e.g. chunked). */
  long contentLength();

  /** Whether the response came through the proxy. */
  boolean proxied();

  /** The file name: Content-Disposition's filename, else the URL's last path segment, else "file". */
  String fileName();

  /** The body; paused until the caller resumes or pipes it. */
  ReadStream<Buffer> body();

  /** Drops the rest of the body and the connection (after an error on the consuming side). */
  void abort();
}
