package dev.vertigram.http;

/**
 * The direct connection failed and so did the fallback through the proxy; the message names the proxy and both
 * causes (the proxy's failure is the cause, the direct one is suppressed).
 */
public class HttpProxyException extends RuntimeException {

  public HttpProxyException(String message, Throwable proxyFailure, Throwable directFailure) {
    super(message, proxyFailure);
    if (directFailure != null) {
      addSuppressed(directFailure);
    }
  }
}
