package dev.vertigram.localdc.impl;

import dev.vertigram.tl.GzipPacked;
import dev.vertigram.tl.TlCodec;
import dev.vertigram.tl.TlWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The one place where RPC answers become bytes: {@code rpc_result} around the encoded result (or an
 * {@code rpc_error}), gzip_packed when the result is at least {@value #GZIP_THRESHOLD} bytes and packing makes it
 * smaller, so that clients' unpacking is exercised. File downloads (big, mostly incompressible) are never packed and
 * are written once, straight after the rpc_result header. Results are encoded with the current API layer; a
 * per-session layer (from invokeWithLayer) would be chosen here.
 */
final class ResultEncoder {

  static final int GZIP_THRESHOLD = 4096;
  /** Methods whose results are file bytes: never gzipped. */
  private static final Set<String> NOT_PACKED = Set.of("upload.getFile", "upload.getCdnFile", "upload.getWebFile");

  private final TlCodec codec;

  ResultEncoder(TlCodec codec) {
    this.codec = codec;
  }

  /** The rpc_result of {@code method}, its result given as {@link TlCodec#decodeResult} returns it. */
  Buffer result(long reqMsgId, String method, JsonObject result) {
    if (NOT_PACKED.contains(method)) {
      Buffer bytes = result.getBuffer("bytes");
      TlWriter out = new TlWriter(256 + (bytes == null ? 0 : bytes.length()))
          .writeInt(ServiceBodies.RPC_RESULT).writeLong(reqMsgId);
      codec.encodeResult(method, result, out);
      return out.toBuffer();
    }
    TlWriter out = new TlWriter();
    codec.encodeResult(method, result, out);
    return boxed(reqMsgId, out.toBuffer());
  }

  /** An rpc_result around an already encoded boxed object. */
  Buffer boxed(long reqMsgId, Buffer boxed) {
    return ServiceBodies.rpcResult(reqMsgId, GzipPacked.packIfSmaller(boxed, GZIP_THRESHOLD));
  }

  /** A server-initiated message body (an {@code Updates} object pushed to a session). */
  Buffer push(JsonObject updates) {
    return codec.encode(updates);
  }

  Buffer error(long reqMsgId, int code, String message) {
    return ServiceBodies.rpcResult(reqMsgId, ServiceBodies.rpcError(code, message));
  }
}
