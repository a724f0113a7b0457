package dev.vertigram.client;

import io.vertx.core.VertxException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code rpc_error} from Telegram: the code, the message ({@code FLOOD_WAIT_31}), the message with its number
 * replaced by X ({@code FLOOD_WAIT_X}), that number (31) and the method that failed.
 */
public final class RpcException extends VertxException {

  private static final Pattern NUMBER = Pattern.compile("(?<=_|^)(\\d+)(?=_|$)");

  private final int code;
  private final String errorMessage;
  private final String name;
  private final long value;
  private final String method;

  /**
   * @param code         the error_code (303, 400, 420, ...)
   * @param errorMessage the error_message as sent
   * @param method       the TL method that failed
   */
  public RpcException(int code, String errorMessage, String method) {
    super(code + " " + errorMessage + " (" + method + ")", true);
    this.code = code;
    this.errorMessage = errorMessage;
    this.method = method;
    Matcher m = NUMBER.matcher(errorMessage);
    if (m.find()) {
      this.name = errorMessage.substring(0, m.start()) + "X" + errorMessage.substring(m.end());
      this.value = parse(m.group(1));
    } else {
      this.name = errorMessage;
      this.value = -1;
    }
  }

  /** The error_code. */
  public int code() {
    return code;
  }

  /** The error_message as sent, e.g. {@code FLOOD_WAIT_31}. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The message with its number replaced by X, e.g. {@code FLOOD_WAIT_X}; the message itself when it has none. */
  public String name() {
    return name;
  }

  /** The number in the message (seconds to wait, DC id, ...), or -1. */
  public long value() {
    return value;
  }

  /** The method that failed, e.g. {@code messages.sendMessage}. */
  public String method() {
    return method;
  }

  private static long parse(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
