package dev.vertigram.files;

import dev.vertigram.client.CallOptions;
import dev.vertigram.client.RpcException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * messages.sendMedia with the retries Telegram's answers call for: FILE_PART_X_MISSING (a part was lost or expired)
 * uploads parts X.. again when the source can be read again, FILE_REFERENCE_* (media sent again with an old
 * reference) refetches the object the media came from. At most {@link #MAX_RETRIES} retries.
 */
final class MediaSender {

  static final int MAX_RETRIES = 3;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final BiFunction<JsonObject, CallOptions, Future<JsonObject>> sends;
  private final Object peer;
  private final String caption;
  private final IntFunction<Future<Void>> uploadAgain;
  private final Supplier<Future<JsonObject>> refetch;

  /**
   * @param uploadAgain uploads parts X.. of the media's file again, or null when the source cannot be read again
   * @param refetch     gives the InputMedia again with fresh file references, or null
   */
  MediaSender(BiFunction<JsonObject, CallOptions, Future<JsonObject>> sends, Object peer, String caption,
      IntFunction<Future<Void>> uploadAgain, Supplier<Future<JsonObject>> refetch) {
    this.sends = sends;
    this.peer = peer;
    this.caption = caption == null ? "" : caption;
    this.uploadAgain = uploadAgain;
    this.refetch = refetch;
  }

  /** Sends {@code inputMedia}; the result is the Updates. */
  Future<JsonObject> send(JsonObject inputMedia) {
    return send(inputMedia, 0);
  }

  private Future<JsonObject> send(JsonObject inputMedia, int retries) {
    JsonObject method = new JsonObject().put("_", "messages.sendMedia").put("peer", peer).put("media", inputMedia)
        .put("message", caption).put("random_id", RANDOM.nextLong());
    return sends.apply(method, CallOptions.create()).recover(e -> {
      Future<JsonObject> retry = retries < MAX_RETRIES && e instanceof RpcException rpc ? retryWith(rpc, inputMedia)
          : null;
      return retry == null ? Future.failedFuture(e) : retry.compose(media -> send(media, retries + 1));
    });
  }

  /** The media to send again after {@code e}, or null when nothing can be done. */
  private Future<JsonObject> retryWith(RpcException e, JsonObject inputMedia) {
    if ("FILE_PART_X_MISSING".equals(e.name()) && uploadAgain != null) {
      return uploadAgain.apply((int) e.value()).map(inputMedia);
    }
    if (e.name().startsWith("FILE_REFERENCE_") && refetch != null) {
      return refetch.get();
    }
    return null;
  }
}
