package dev.vertigram.client.impl;

import dev.vertigram.client.AuthKeyStore;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.crypto.AuthKey;
import dev.vertigram.mtproto.AuthKeyExchange;
import dev.vertigram.mtproto.AuthKeyResult;
import dev.vertigram.tl.TlCodec;
import dev.vertigram.tl.TlSchema;
import dev.vertigram.tl.TlWriter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the connections of one client share: options, codec, randomness, the key exchange, the permanent keys per
 * DC (created once even when several connections to a DC start together) and the updates handlers.
 */
final class ClientCore {

  final Vertx vertx;
  final ClientOptions options;
  final TlCodec codec = TlCodec.api();
  final SecureRandom random = new SecureRandom();
  final AuthKeyExchange exchange;
  /** {@code invokeWithLayer(layer, initConnection(...))} without its query. */
  final Buffer initPrefix;
  /** The constructor id of {@code invokeWithoutUpdates}, which media calls are wrapped in. */
  final int invokeWithoutUpdates;
  final AuthKeyStore store;
  private final Map<Integer, Future<AuthKey>> permKeys = new HashMap<>();
  volatile Handler<JsonObject> updateHandler = update -> { };
  volatile Handler<String> gapHandler = reason -> { };

  ClientCore(Vertx vertx, ClientOptions options, AuthKeyStore store) {
    this.vertx = vertx;
    this.options = options;
    this.store = store;
    this.exchange = new AuthKeyExchange(options.trustedKeys(), random);
    this.initPrefix = initPrefix(codec.schema(), options);
    this.invokeWithoutUpdates = codec.schema().method("invokeWithoutUpdates").id();
  }

  /**
   * The permanent key of a DC: from the store, else created with {@code create} and stored. Concurrent callers
   * share one creation.
   */
  synchronized Future<AuthKey> permKey(int dcId, Supplier<Future<AuthKeyResult>> create) {
    Future<AuthKey> key = permKeys.get(dcId);
    if (key == null || key.failed()) {
      key = store.permKey(dcId).compose(stored -> stored != null ? Future.succeededFuture(stored)
          : create.get().compose(result -> store.savePermKey(dcId, result.key()).map(result.key())));
      permKeys.put(dcId, key);
    }
    return key;
  }

  /** Forgets a DC's permanent key (the server does not know it). */
  synchronized Future<Void> dropPermKey(int dcId) {
    permKeys.remove(dcId);
    return store.removePermKey(dcId);
  }

  /** The DC id as the protocol wants it in p_q_inner_data_dc and the obfuscation header. */
  int protocolDcId(int dcId, boolean media) {
    int id = options.testMode() ? dcId + 10_000 : dcId;
    return media ? -id : id;
  }

  private static Buffer initPrefix(TlSchema schema, ClientOptions o) {
    TlWriter out = new TlWriter();
    out.writeInt(schema.method("invokeWithLayer").id()).writeInt(schema.layer());
    out.writeInt(schema.method("initConnection").id()).writeInt(0).writeInt(o.apiId())
        .writeString(o.deviceModel()).writeString(o.systemVersion()).writeString(o.appVersion())
        .writeString(o.systemLangCode()).writeString(o.langPack()).writeString(o.langCode());
    return out.toBuffer();
  }
}
