package dev.vertigram.bench;

import dev.vertigram.testing.Futures;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A burst of concurrent calls made in one event-loop tick (so the write loop packs them), awaited together. */
final class Bursts {

  private Bursts() {
  }

  /** Makes {@code n} calls of {@code method} through {@code call} in one tick and waits for them all. */
  static Object run(Vertx vertx, Function<JsonObject, Future<JsonObject>> call, JsonObject method, int n) {
    Promise<Object> done = Promise.promise();
    vertx.runOnContext(v -> {
      List<Future<JsonObject>> calls = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        calls.add(call.apply(method));
      }
      Future.all(calls).<Object>map(all -> all).onComplete(done);
    });
    return Futures.await(done.future());
  }
}
