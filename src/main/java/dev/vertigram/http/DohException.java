package dev.vertigram.http;

/** A DNS-over-HTTPS lookup failed: the DoH server's error, a malformed answer, or a name that does not exist. */
public class DohException extends RuntimeException {

  public DohException(String message) {
    super(message);
  }

  public DohException(String message, Throwable cause) {
    super(message, cause);
  }
}
