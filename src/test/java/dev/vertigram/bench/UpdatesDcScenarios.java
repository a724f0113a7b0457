package dev.vertigram.bench;

import static dev.vertigram.bench.UpdatesHarness.COUNT;
import static dev.vertigram.bench.UpdatesHarness.FILTERED;

import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.storage.StoreOptions;
import dev.vertigram.testing.Futures;
import dev.vertigram.updates.Vertigrams;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The end-to-end scenarios of {@link UpdatesHarness}: sender sessions → Local DC (TCP, same process) → one receiver
 * session running {@link UpdatesHarness.Counting} through {@code Vertigrams.startAndLoop}. The rate is updates counted
 * by the handler per second, from the first call to the last delivery.
 */
final class UpdatesDcScenarios {

  static final int SENDERS = 4;
  static final int BATCH = 100;

  private final Vertx vertx;
  private final LocalDc dc;
  private final Path root;
  private int phone = (int) (System.nanoTime() % 5000);

  UpdatesDcScenarios(Vertx vertx, LocalDc dc, Path root) {
    this.vertx = vertx;
    this.dc = dc;
    this.root = root;
  }

  /** One messages.sendMessage per update: one push of one update each. */
  JsonObject live(int messages) throws Exception {
    String bName = "ubrcv" + System.nanoTime() % 1_000_000;
    Vertigram b = receiver("live-recv", bName);
    List<Vertigram> senders = senders("live");
    BiFunction<Integer, Integer, JsonObject> send = (s, i) -> new JsonObject().put("_", "messages.sendMessage")
        .put("peer", "@" + bName).put("message", "bench " + s + " " + i);
    pump(senders, 2_000, 200, send);
    waitCount(2_000, 30_000);
    UpdatesHarness.reset();
    long differences = differences();
    long t0 = System.nanoTime();
    pump(senders, messages, 400, send);
    double sendSeconds = (System.nanoTime() - t0) / 1e9;
    JsonObject r = measured(SENDERS + " sender sessions, messages.sendMessage each -> Local DC -> 1 receiver", t0,
        messages, differences).put("sends_per_second", Math.round(messages / sendSeconds));
    close(b, senders);
    return r;
  }

  /**
   * Each sender forwards {@value #BATCH} messages at once (messages.forwardMessages with {@value #BATCH} ids, as a
   * user forwarding a selection to a bot): the receiver gets one Updates of {@value #BATCH} updateNewMessage per call.
   */
  JsonObject forward(int updates) throws Exception {
    String bName = "ubfwd" + System.nanoTime() % 1_000_000;
    Vertigram b = receiver("fwd-recv", bName);
    List<Vertigram> senders = senders("fwd");
    List<JsonArray> ids = savedMessages(senders);
    BiFunction<Integer, Integer, JsonObject> forward = (s, i) -> forwardCall(ids.get(s), "@" + bName);
    pump(senders, 20, 4, forward);
    waitCount(20L * BATCH, 30_000);
    UpdatesHarness.reset();
    long differences = differences();
    long t0 = System.nanoTime();
    int calls = updates / BATCH;
    pump(senders, calls, 4, forward);
    JsonObject r = measured(SENDERS + " sender sessions, messages.forwardMessages of " + BATCH
        + " messages each -> Local DC -> 1 receiver (one Updates of " + BATCH + " per call)", t0, calls * BATCH,
        differences);
    close(b, senders);
    return r;
  }

  /**
   * A megagroup (the receiver and the {@value #SENDERS} senders) where the senders forward {@value #BATCH} messages
   * at once: one Updates of {@value #BATCH} updateNewChannelMessage per call, on the channel's own pts.
   */
  JsonObject group(int updates) throws Exception {
    String bName = "ubgrp" + System.nanoTime() % 1_000_000;
    Vertigram b = receiver("grp-recv", bName);
    List<Vertigram> senders = senders("grp");
    List<String> members = new ArrayList<>(List.of("@" + bName));
    for (int s = 1; s < SENDERS; s++) {
      String name = "ubgm" + s + System.nanoTime() % 1_000_000;
      await(senders.get(s).call(new JsonObject().put("_", "account.updateUsername").put("username", name)));
      members.add("@" + name);
    }
    JsonObject created = await(senders.get(0).call(new JsonObject().put("_", "channels.createChannel")
        .put("title", "bench group").put("about", "").put("megagroup", true)));
    String group = "-100" + created.getJsonArray("chats").getJsonObject(0).getLong("id");
    await(senders.get(0).call(new JsonObject().put("_", "channels.inviteToChannel").put("channel", group)
        .put("users", new JsonArray(members))));
    for (Vertigram s : senders) {
      await(s.call(new JsonObject().put("_", "messages.getDialogs").put("offset_date", 0).put("offset_id", 0)
          .put("offset_peer", "me").put("limit", 20).put("hash", 0L)));
    }
    List<JsonArray> ids = savedMessages(senders);
    BiFunction<Integer, Integer, JsonObject> forward = (s, i) -> forwardCall(ids.get(s), group);
    pump(senders, 20, 4, forward);
    waitCount(20L * BATCH, 30_000);
    UpdatesHarness.reset();
    long differences = differences();
    long t0 = System.nanoTime();
    int calls = updates / BATCH;
    pump(senders, calls, 4, forward);
    JsonObject r = measured("a megagroup of " + (SENDERS + 1) + " members: " + SENDERS + " senders forward "
        + BATCH + " messages each -> 1 receiver (one Updates of " + BATCH + " updateNewChannelMessage per call)", t0,
        calls * BATCH, differences);
    close(b, senders);
    return r;
  }

  /** A backlog queued while the receiver is offline, delivered by getDifference slices at its next start. */
  JsonObject catchup(int messages) throws Exception {
    String bName = "ubcat" + System.nanoTime() % 1_000_000;
    Vertigram b1 = receiver("cat-recv", bName);
    await(b1.close());
    List<Vertigram> senders = senders("cat");
    BiFunction<Integer, Integer, JsonObject> send = (s, i) -> new JsonObject().put("_", "messages.sendMessage")
        .put("peer", "@" + bName).put("message", "bench " + s + " " + i);
    // warm-up: one smaller catch-up (JIT of the TL codec, getDifference and dispatch paths)
    pump(senders, 3_000, 400, send);
    UpdatesHarness.reset();
    b1 = startAndLoop("cat-recv");
    waitCount(3_000, 30_000);
    await(b1.close());
    pump(senders, messages, 400, send);
    long differences = differences();
    UpdatesHarness.reset();
    long t0 = System.nanoTime();
    Vertigram b = startAndLoop("cat-recv");
    boolean complete = waitCount(messages, 60_000);
    double seconds = (UpdatesHarness.lastAt - UpdatesHarness.firstAt) / 1e9;
    double total = (UpdatesHarness.lastAt - t0) / 1e9;
    JsonObject r = new JsonObject().put("what", "backlog queued while offline, delivered by getDifference at start")
        .put("messages", messages).put("delivered", COUNT.get()).put("complete", complete)
        .put("getDifference_calls", differences() - differences)
        .put("seconds_first_to_last", seconds).put("seconds_from_startAndLoop", total)
        .put("ms_startAndLoop_to_first_update", (UpdatesHarness.firstAt - t0) / 1e6)
        .put("updates_per_second", Math.round(COUNT.get() / seconds))
        .put("updates_per_second_incl_start", Math.round(COUNT.get() / total));
    close(b, senders);
    return r;
  }

  private JsonObject measured(String what, long t0, long expected, long differencesBefore)
      throws InterruptedException {
    boolean complete = waitCount(expected, 60_000);
    double seconds = (UpdatesHarness.lastAt - t0) / 1e9;
    return new JsonObject().put("what", what).put("updates", expected).put("delivered", COUNT.get())
        .put("filtered", FILTERED.get()).put("complete", complete).put("seconds", seconds)
        .put("getDifference_calls", differences() - differencesBefore)
        .put("updates_per_second", Math.round(COUNT.get() / seconds));
  }

  private long differences() {
    return dc.stats().executions("updates.getDifference");
  }

  private static JsonObject forwardCall(JsonArray ids, Object to) {
    JsonArray randomIds = new JsonArray();
    for (int i = 0; i < ids.size(); i++) {
      randomIds.add(ThreadLocalRandom.current().nextLong());
    }
    return new JsonObject().put("_", "messages.forwardMessages").put("from_peer", "me").put("to_peer", to)
        .put("id", ids).put("random_id", randomIds);
  }

  /** {@value #BATCH} messages in each sender's Saved Messages; their ids. */
  private List<JsonArray> savedMessages(List<Vertigram> senders) {
    List<JsonArray> out = new ArrayList<>();
    for (Vertigram s : senders) {
      JsonArray ids = new JsonArray();
      for (int i = 0; i < BATCH; i++) {
        JsonObject sent = await(s.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "me")
            .put("message", "saved " + i)));
        ids.add(sentId(sent));
      }
      out.add(ids);
    }
    return out;
  }

  /** The id of a sent message: updateShortSentMessage, or the updateMessageID of an updates result. */
  private static int sentId(JsonObject sent) {
    if (sent.containsKey("id")) {
      return sent.getInteger("id");
    }
    for (Object o : sent.getJsonArray("updates")) {
      JsonObject u = (JsonObject) o;
      if (u.getString("_").equals("updateNewMessage")) {
        return u.getJsonObject("message").getInteger("id");
      }
    }
    throw new IllegalStateException("no message id in " + sent.getString("_"));
  }

  private Vertigram receiver(String session, String username) throws Exception {
    await(newUser(session, username).close());
    return startAndLoop(session);
  }

  private Vertigram startAndLoop(String session) {
    return await(Vertigrams.startAndLoop(vertx, session, settings(root.resolve(session)),
        UpdatesHarness.Counting.class));
  }

  private List<Vertigram> senders(String prefix) {
    List<Vertigram> out = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      out.add(newUser(prefix + "-send" + i, null));
    }
    return out;
  }

  private void close(Vertigram receiver, List<Vertigram> senders) {
    await(receiver.close());
    senders.forEach(s -> await(s.close()));
  }

  /** Each sender makes {@code calls / SENDERS} calls, at most {@code window} in flight; returns when all answered. */
  private void pump(List<Vertigram> senders, int calls, int window, BiFunction<Integer, Integer, JsonObject> call)
      throws Exception {
    List<Future<Void>> all = new ArrayList<>();
    for (int s = 0; s < senders.size(); s++) {
      Vertigram tg = senders.get(s);
      int share = calls / senders.size() + (s < calls % senders.size() ? 1 : 0);
      Promise<Void> done = Promise.promise();
      int id = s;
      vertx.runOnContext(v -> new Object() {
        int next;
        int answered;

        void pump() {
          while (next < share && next - answered < window) {
            tg.call(call.apply(id, next++)).onComplete(ar -> {
              answered++;
              if (ar.failed()) {
                done.tryFail(ar.cause());
              } else if (answered == share) {
                done.tryComplete();
              } else {
                pump();
              }
            });
          }
        }
      }.pump());
      all.add(share == 0 ? Future.succeededFuture() : done.future());
    }
    Future.all(all).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  private Settings settings(Path folder) {
    ClientOptions options = new ClientOptions().addRsaKey(dc.publicKey().toPkcs1Pem()).apiId(1).apiHash("bench")
        .homeDc(1);
    for (DcEndpoint e : dc.endpoints()) {
      options.addDc(e.id(), e.host(), e.port());
    }
    return new Settings().client(options).storage(new StoreOptions().setFolder(folder.toString()));
  }

  /** A new signed-up user (test number 99966XYYYY, code X×5) in its own session folder. */
  private Vertigram newUser(String session, String username) {
    String number = "999667" + String.format("%04d", ++phone % 10_000);
    Vertigram tg = await(Vertigram.open(vertx, session, settings(root.resolve(session))));
    await(tg.phoneLogin(number));
    JsonObject r = await(tg.completePhoneLogin("77777"));
    if ("auth.authorizationSignUpRequired".equals(r.getString("_"))) {
      await(tg.completeSignup(session, ""));
    }
    if (username != null) {
      await(tg.call(new JsonObject().put("_", "account.updateUsername").put("username", username)));
    }
    return tg;
  }

  private static boolean waitCount(long n, long ms) throws InterruptedException {
    return UpdatesHarness.waitCount(n, ms);
  }

  private static <T> T await(Future<T> future) {
    return Futures.await(future);
  }
}
