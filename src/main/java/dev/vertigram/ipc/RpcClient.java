package dev.vertigram.ipc;

import dev.vertigram.client.CallOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The call API shared by a session's owner and the processes forwarding to it: TL methods as JSON in, results as JSON
 * out, RPC errors as {@link dev.vertigram.client.RpcException}. An {@code MtprotoClient} is one through a method
 * reference ({@code RpcClient direct = client::call}); an {@link IpcClient} is one that forwards to the owner.
 */
@FunctionalInterface
public interface RpcClient {

  /** Calls a TL method (JSON with {@code "_"}) with per-call options. */
  Future<JsonObject> call(JsonObject method, CallOptions options);

  /** Calls a TL method with the default options. */
  default Future<JsonObject> call(JsonObject method) {
    return call(method, CallOptions.DEFAULT);
  }
}
