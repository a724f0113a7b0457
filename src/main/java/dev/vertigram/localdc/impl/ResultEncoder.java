package dev.vertigram.localdc.impl;

import dev.vertigram.tl.TlCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The one place where RPC answers become bytes: {@code rpc_result} around the encoded result (or an
 * {@code rpc_error}), gzip_packed when the result is at least {@value #GZIP_THRESHOLD} bytes and packing makes it
 * smaller, so that clients' unpacking is exercised. Results are encoded with the current API layer; a per-session
 * layer (from invokeWithLayer) would be chosen here.
 */
final class ResultEncoder {

  static final int GZIP_THRESHOLD = 4096;

  private final TlCodec codec;

  ResultEncoder(TlCodec codec) {
    this.codec = codec;
  }

  Buffer result(long reqMsgId, JsonObject result) {
    return boxed(reqMsgId, codec.encode(result));
  }

  /** An rpc_result around an already encoded boxed object. */
  Buffer boxed(long reqMsgId, Buffer boxed) {
    if (boxed.length() >= GZIP_THRESHOLD) {
      Buffer packed = ServiceBodies.gzipPacked(boxed);
      if (packed.length() < boxed.length()) {
        boxed = packed;
      }
    }
    return ServiceBodies.rpcResult(reqMsgId, boxed);
  }

  Buffer error(long reqMsgId, int code, String message) {
    return ServiceBodies.rpcResult(reqMsgId, ServiceBodies.rpcError(code, message));
  }
}
