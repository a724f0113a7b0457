package dev.vertigram.files;

import dev.vertigram.http.HttpFetcher;
import dev.vertigram.http.HttpStream;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * A file at an http(s) URL, uploaded by streaming the response body straight into the upload: no temp file, and the
 * HTTP response is paused while the upload has its parts in flight (back-pressure down to TCP).
 * <pre>
 * RemoteUrl.of(tg.http(), "https://example.com/report.pdf").sendDocument(tg.files(), "@alice", null, null, options);
 * </pre>
 * With a Content-Length the upload has a known size (saveFilePart + md5 up to 10 MiB, saveBigFilePart above);
 * without one (chunked) it is an upload of unknown size (saveBigFilePart). The GET goes through the
 * {@link HttpFetcher}: direct, else the proxy, with DoH if configured; a status of 400 or more fails before any part.
 */
public final class RemoteUrl {

  private final HttpFetcher http;
  private final String url;

  private RemoteUrl(HttpFetcher http, String url) {
    this.http = Objects.requireNonNull(http, "http");
    this.url = Objects.requireNonNull(url, "url");
  }

  /** The file at {@code url}, fetched with {@code http} (e.g. {@code Vertigram.http()}). */
  public static RemoteUrl of(HttpFetcher http, String url) {
    return new RemoteUrl(http, url);
  }

  public String url() {
    return url;
  }

  /** Uploads the body under the response's file name; the result is the inputFile or inputFileBig. */
  public Future<JsonObject> upload(FileTransfers files, TransferOptions options) {
    return http.stream(url).compose(s -> abortOnFailure(s,
        files.upload(s.body(), s.contentLength(), s.fileName(), options)));
  }

  /**
   * Uploads the body and sends it as a document named after the response (Content-Disposition's filename, else the
   * URL's last segment) with {@code mimeType} (null: the response's Content-Type, else from the name). The result is
   * the Updates. The body cannot be read again, so FILE_PART_X_MISSING fails the send.
   */
  public Future<JsonObject> sendDocument(FileTransfers files, Object peer, String mimeType, String caption,
      TransferOptions options) {
    return http.stream(url).compose(s -> abortOnFailure(s, files.sendDocument(peer, s.body(), s.contentLength(),
        s.fileName(), mimeType != null ? mimeType : contentType(s), caption, options)));
  }

  private static String contentType(HttpStream s) {
    String type = s.headers().get(HttpHeaders.CONTENT_TYPE);
    if (type == null) {
      return null;
    }
    String bare = type.split(";", 2)[0].trim();
    return bare.isEmpty() ? null : bare;
  }

  /** When the upload fails (cancelled, RPC error), the rest of the body is dropped with its connection. */
  private static <T> Future<T> abortOnFailure(HttpStream s, Future<T> upload) {
    return upload.onFailure(e -> s.abort());
  }
}
