package dev.vertigram.localdc.impl;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * One API method of the emulator. The result is a TL value as JSON (see {@link ResultEncoder} for its encoding); a
 * failure with {@link RpcErrorException} (thrown or in the future) becomes that rpc_error, anything else a 500.
 */
@FunctionalInterface
interface MethodHandler {

  Future<JsonObject> handle(RpcCall call);
}
