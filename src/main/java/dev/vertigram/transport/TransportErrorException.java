package dev.vertigram.transport;

/**
 * A transport error sent by the server: a frame whose whole payload is one negative 32-bit LE int.
 * Known codes: -404 (auth key not found, or a malformed packet), -429 (transport flood), -444 (invalid DC id),
 * -403 (forbidden). The stream itself stays consistent: decoding may go on, though servers usually close
 * the connection after sending one.
 */
public class TransportErrorException extends RuntimeException {
  private final int code;

  /** Creates the exception for a transport error code (a negative int). */
  public TransportErrorException(int code) {
    super("transport error " + code + describe(code));
    this.code = code;
  }

  /** The negative error code, e.g. -404. */
  public int code() {
    return code;
  }

  private static String describe(int code) {
    switch (code) {
      case -404: return " (auth key not found or malformed packet)";
      case -429: return " (transport flood)";
      case -444: return " (invalid DC id)";
      case -403: return " (forbidden)";
      default: return "";
    }
  }
}
