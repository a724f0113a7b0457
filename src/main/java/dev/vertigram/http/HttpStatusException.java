package dev.vertigram.http;

/** An HTTP response with status 400 or above; the message names the method, URL and status. */
public class HttpStatusException extends RuntimeException {

  private final int status;

  public HttpStatusException(String method, String url, int status, String reason) {
    super(method + " " + url + ": HTTP " + status + (reason == null || reason.isEmpty() ? "" : " " + reason));
    this.status = status;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }
}
