package dev.vertigram.localdc.impl;

/** A method's failure, answered as {@code rpc_error(code, message)}. Carries no stack trace: it is an answer. */
final class RpcErrorException extends RuntimeException {

  private final int code;

  RpcErrorException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  int code() {
    return code;
  }
}
