package dev.vertigram.e2e;

import dev.vertigram.client.Vertigram;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.updates.Vertigrams;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.vertigram.e2e.E2e.await;
import static dev.vertigram.e2e.E2e.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Local DC restarted from its state dir (same ports) while the real clients stay open: they reconnect with their
 * keys, the logins, usernames, history and pts survive, and updates flow again. The restart usually falls within the
 * second of the last messages before it, so the restarted DC's msg_ids must still be new to the surviving client
 * sessions (see {@code MtprotoPrimitivesTest.aClockStartedLaterNeverRepeatsTheIdsOfAnEarlierOne}).
 */
class RestartE2eTest {

  @TempDir
  Path dir;
  private final Vertx vertx = Vertx.vertx();
  private LocalDc dc;
  private final List<Vertigram> sessions = new ArrayList<>();

  @AfterEach
  void close() {
    sessions.forEach(s -> await(s.close()));
    await(dc.close());
    await(vertx.close());
  }

  private LocalDc start(LocalDcOptions options) {
    return await(LocalDc.start(vertx, options.stateDir(dir.resolve("state").toString()).snapshot(true)
        .rsaKeyFile(dir.resolve("state/rsa.pem").toString())));
  }

  private static JsonObject q(String method) {
    return new JsonObject().put("_", method);
  }

  private Vertigram signUp(String name, String username) {
    String phone = E2e.newPhone(1);
    Vertigram tg = await(Vertigram.open(vertx, name, E2e.settings(dc, dir.resolve(name))));
    await(tg.phoneLogin(phone));
    await(tg.completePhoneLogin(E2e.code(phone)));
    await(tg.completeSignup(name, ""));
    await(tg.call(q("account.updateUsername").put("username", username)));
    return tg;
  }

  private List<String> history(Vertigram tg, String peer) {
    List<String> out = new ArrayList<>();
    await(tg.call(q("messages.getHistory").put("peer", peer).put("offset_id", 0).put("offset_date", 0)
        .put("add_offset", 0).put("limit", 10).put("max_id", 0).put("min_id", 0).put("hash", 0L)))
        .getJsonArray("messages").forEach(m -> out.add(0, ((JsonObject) m).getString("message")));
    return out;
  }

  private static boolean seen(String text) {
    return ChannelsAndReadsE2eTest.Recorder.SEEN.getOrDefault("bob", new java.util.concurrent.ConcurrentLinkedQueue<>())
        .stream().anyMatch(u -> text.equals(u.getJsonObject("message", new JsonObject()).getString("message")));
  }

  @Test
  void clientsReconnectToARestartedLocalDcAndLoseNothing() {
    ChannelsAndReadsE2eTest.Recorder.SEEN.clear();
    dc = start(new LocalDcOptions().ephemeralPorts(1, 2));
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    Vertigram amy = signUp("amy", "amy" + suffix);
    sessions.add(amy);
    await(signUp("bob", "bob" + suffix).close());
    Vertigram bob = await(Vertigrams.startAndLoop(vertx, "bob", E2e.settings(dc, dir.resolve("bob")),
        ChannelsAndReadsE2eTest.Recorder.class));
    sessions.add(bob);
    await(amy.call(q("messages.sendMessage").put("peer", "@bob" + suffix).put("message", "before")));
    until(10_000, () -> seen("before"), "the message before the restart");
    int bobPts = await(bob.call(q("updates.getState"))).getInteger("pts");

    LocalDcOptions same = new LocalDcOptions().ephemeralPorts();
    for (DcEndpoint e : dc.endpoints()) {
      same.port(e.id(), e.port());
    }
    await(dc.close());
    dc = start(same);

    assertEquals(bobPts, (int) await(bob.call(q("updates.getState"))).getInteger("pts"), "the pts survived");
    await(amy.call(q("messages.sendMessage").put("peer", "@bob" + suffix).put("message", "after")));
    until(20_000, () -> seen("after"), "the message after the restart at Bob's update loop");
    assertEquals(List.of("before", "after"), history(amy, "@bob" + suffix));
    assertEquals("amy" + suffix, await(bob.call(q("contacts.resolveUsername").put("username", "amy" + suffix)))
        .getJsonArray("users").getJsonObject(0).getString("username"));
  }
}
