package dev.vertigram.app;

import dev.vertigram.client.CallOptions;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.MtprotoClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine demo of the main job: a client that trusts the Local DC described by a {@code dcs.json} file, creates
 * its auth key, then shows the write loop at work (a burst of concurrent calls packed into containers) and an
 * ordered queue. Config: {@code {"dcsFile": "localdc-data/dcs.json", "calls": 10000}}. When done it publishes a
 * summary on {@value #DONE_ADDRESS}: {@code {"calls": n, "ordered": [0, 1, 2, 3, 4]}}.
 */
public class EngineDemoVerticle extends VerticleBase {

  /** Where the demo publishes its summary. */
  public static final String DONE_ADDRESS = "vertigram.demo.done";

  private static final Logger log = LoggerFactory.getLogger(EngineDemoVerticle.class);

  private MtprotoClient client;

  @Override
  public Future<?> start() {
    String dcsFile = config().getString("dcsFile");
    if (dcsFile == null) {
      return Future.failedFuture(new IllegalArgumentException("demo.dcsFile: expected the path of a Local DC's dcs.json"));
    }
    int calls = config().getInteger("calls", 10_000);
    return vertx.fileSystem().readFile(dcsFile).map(buf -> clientOptions(new JsonObject(buf))).onSuccess(options -> {
      client = MtprotoClient.create(vertx, options);
      run(calls).onFailure(e -> log.error("demo failed: {}", e.getMessage()));
    });
  }

  /** Client options that trust the Local DC of a dcs.json document (home DC: the first one). */
  static ClientOptions clientOptions(JsonObject dcs) {
    ClientOptions options = new ClientOptions();
    JsonArray list = dcs.getJsonArray("dcs");
    for (int i = 0; i < list.size(); i++) {
      JsonObject dc = list.getJsonObject(i);
      options.addDc(dc.getInteger("id"), dc.getString("host"), dc.getInteger("port"));
    }
    return options.homeDc(list.getJsonObject(0).getInteger("id")).addRsaKey(dcs.getString("rsa_public_key"));
  }

  private Future<Void> run(int calls) {
    long t0 = System.nanoTime();
    return client.call(new JsonObject().put("_", "help.getConfig")).compose(config -> {
      log.info("demo: auth key created and help.getConfig answered in {} ms: this_dc={}, {} DC options",
          (System.nanoTime() - t0) / 1_000_000, config.getInteger("this_dc"), config.getJsonArray("dc_options").size());
      return burst(calls);
    }).compose(v -> ordered(5)).map(ordered -> {
      vertx.eventBus().publish(DONE_ADDRESS, new JsonObject().put("calls", calls).put("ordered", ordered));
      return null;
    });
  }

  private Future<Void> burst(int calls) {
    long t0 = System.nanoTime();
    List<Future<JsonObject>> all = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      all.add(client.call(new JsonObject().put("_", "help.getNearestDc")));
    }
    return Future.all(all).map(done -> {
      double seconds = (System.nanoTime() - t0) / 1e9;
      log.info("demo: {} concurrent help.getNearestDc calls answered in {} ms ({} calls/s)", calls,
          Math.round(seconds * 1000), Math.round(calls / seconds));
      return null;
    });
  }

  private Future<JsonArray> ordered(int n) {
    List<Future<JsonObject>> all = new ArrayList<>(n);
    CallOptions queue = CallOptions.create().queueId("demo");
    for (int i = 0; i < n; i++) {
      all.add(client.call(new JsonObject().put("_", "help.getAppConfig").put("hash", i), queue));
    }
    return Future.all(all).map(done -> {
      JsonArray hashes = new JsonArray();
      all.forEach(f -> hashes.add(f.result().getInteger("hash")));
      log.info("demo: {} calls on one queue (each wrapped in invokeAfterMsg of the previous) answered: {}", n, hashes);
      log.info("demo: done. The Local DC keeps serving; Ctrl-C stops everything cleanly.");
      return hashes;
    });
  }

  @Override
  public Future<?> stop() {
    return client == null ? Future.succeededFuture() : client.close();
  }
}
