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
 * smaller, so that clients' unpacking is exercised. File downloads (big, mostly incompressible) are never packed, and
 * their bytes are not copied: the answer is the rpc_result header and the file's bytes in one composite buffer
 * ({@link TlWriter#splicing}), copied once, into the encrypted envelope.
 *
 * <p>Layers: each session records the layer its client declared (invokeWithLayer, kept with its initConnection data)
 * and that layer is handed to {@link #result}. Results are still encoded with the current API layer whatever the
 * client's layer: a client on an older layer completes the key exchange and the service messages (layer-free) and
 * every call whose objects did not change between its layer and ours. Serving each client in its own layer means
 * choosing the codec by {@code layer} here, and only here.
 */
final class ResultEncoder {

  static final int GZIP_THRESHOLD = 4096;
  /** Methods whose results are file bytes: never gzipped. */
  private static final Set<String> NOT_PACKED = Set.of("upload.getFile", "upload.getCdnFile", "upload.getWebFile");

  private final TlCodec codec;

  ResultEncoder(TlCodec codec) {
    this.codec = codec;
  }

  /** The rpc_result of {@code method} for the current layer. */
  Buffer result(long reqMsgId, String method, JsonObject result) {
    return result(reqMsgId, method, result, 0);
  }

  /**
   * The rpc_result of {@code method}, its result given as {@link TlCodec#decodeResult} returns it, for a client on
   * {@code layer} (0: not declared). Encoded with {@link #codecFor}.
   */
  Buffer result(long reqMsgId, String method, JsonObject result, int layer) {
    TlCodec codec = codecFor(layer);
    if (NOT_PACKED.contains(method)) {
      TlWriter out = TlWriter.splicing(256).writeInt(ServiceBodies.RPC_RESULT).writeLong(reqMsgId);
      codec.encodeResult(method, result, out);
      return out.view();
    }
    TlWriter out = new TlWriter();
    codec.encodeResult(method, result, out);
    return boxed(reqMsgId, out.toBuffer());
  }

  /** The codec for a client on {@code layer}: for now the current layer's for every client (see the class comment). */
  TlCodec codecFor(int layer) {
    return codec;
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
