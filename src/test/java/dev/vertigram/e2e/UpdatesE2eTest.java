package dev.vertigram.e2e;

import dev.vertigram.client.Vertigram;
import dev.vertigram.updates.Vertigrams;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.vertigram.e2e.E2e.await;
import static dev.vertigram.e2e.E2e.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Peers and updates end to end: user A writes to user B, whose {@link Inbox} handler runs through
 * {@code Vertigrams.startAndLoop}; gaps made by the Local DC dropping pushes, and a restart of B, lose and duplicate
 * nothing.
 */
class UpdatesE2eTest {

  private final E2e e2e = E2e.get();
  @TempDir
  Path dir;
  private Vertigram a;
  private Vertigram b;
  private String bName;

  @BeforeEach
  void users() {
    Inbox.clear();
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    a = e2e.newUser(dir.resolve("a"), "Alice", "alice" + suffix);
    bName = "bob" + suffix;
    await(e2e.newUser(dir.resolve("b"), "Bob", bName).close());
    Inbox.reportTo = "@alice" + suffix;
    b = startB();
  }

  @AfterEach
  void close() {
    Inbox.reportTo = null;
    await(b.close());
    await(a.close());
  }

  private Vertigram startB() {
    return await(Vertigrams.startAndLoop(e2e.vertx, "bob", e2e.settings(dir.resolve("b")), Inbox.class));
  }

  private void send(String text) {
    await(a.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "@" + bName).put("message", text)));
  }

  @Test
  void peersResolveAndHtmlAndLongMessagesArriveInOrder() {
    JsonObject info = await(a.peers().getInfo("@" + bName));
    assertEquals("user", info.getString("type"));
    assertEquals(bName, info.getJsonObject("User").getString("username"));
    long bId = info.getLong("bot_api_id");
    assertEquals(bId, (long) await(a.peers().getId("@" + bName)));
    JsonObject full = await(a.peers().getFullInfo(bId));
    assertEquals("users.userFull", full.getString("_"));

    await(a.call(new JsonObject().put("_", "messages.sendMessage").put("peer", bId)
        .put("message", "<b>bold</b> and <i>italic</i>").put("parse_mode", "HTML")));
    String longText = IntStream.range(0, 1500).mapToObj(i -> "w" + i).reduce((x, y) -> x + " " + y).orElseThrow();
    await(a.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "@" + bName).put("message", longText)));
    until(10_000, () -> Inbox.TEXTS.size() >= 3, "the html message and the long message's parts");
    List<String> got = new ArrayList<>(Inbox.TEXTS);
    assertEquals("bold and italic", got.get(0));
    assertTrue(got.size() >= 3, "split into parts: " + got.size());
    assertEquals(longText, String.join(" ", got.subList(1, got.size()).stream().map(String::strip).toList()));
  }

  @Test
  void filtersCronAndErrorReports() {
    send("/start now");
    send("hello");
    send("ping");
    send("boom");
    until(10_000, () -> Inbox.COMMANDS.size() == 1 && Inbox.TEXTS.size() == 2, "dispatch");
    assertEquals(List.of("/start now"), new ArrayList<>(Inbox.COMMANDS));
    assertEquals(List.of("hello", "ping"), new ArrayList<>(Inbox.TEXTS));
    until(5_000, () -> Inbox.CRONS.get() >= 3, "the cron");
    List<String> toA = new ArrayList<>();
    until(10_000, () -> {
      toA.clear();
      toA.addAll(history(a, "@" + bName));
      return toA.contains("pong") && toA.stream().anyMatch(t -> t.contains("boom handler failed on purpose"));
    }, "pong and the error report at A");
  }

  @Test
  void gapsAreRecoveredAndRestartLosesNothing() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add("m" + i);
      send("m" + i);
    }
    until(10_000, () -> Inbox.TEXTS.size() >= 5, "the first 5 messages");
    long differences = e2e.dc.stats().executions("updates.getDifference");
    e2e.dc.faults().dropUpdates(3);
    for (int i = 5; i < 10; i++) {
      expected.add("m" + i);
      send("m" + i);
    }
    until(10_000, () -> Inbox.TEXTS.size() >= 10, "10 messages despite 3 dropped pushes");
    assertTrue(e2e.dc.stats().executions("updates.getDifference") > differences, "the gap was filled by getDifference");
    await(b.close());
    for (int i = 10; i < 15; i++) {
      expected.add("m" + i);
      send("m" + i);
    }
    b = startB();
    for (int i = 15; i < 20; i++) {
      expected.add("m" + i);
      send("m" + i);
    }
    until(10_000, () -> Inbox.TEXTS.size() >= 20, "20 messages across the restart");
    sleepQuietly();
    assertEquals(expected, new ArrayList<>(Inbox.TEXTS), "each message exactly once, in order");
  }

  /** The texts of the last messages with {@code peer}, oldest first. */
  private static List<String> history(Vertigram tg, String peer) {
    JsonObject h = await(tg.call(new JsonObject().put("_", "messages.getHistory").put("peer", peer)
        .put("offset_id", 0).put("offset_date", 0).put("add_offset", 0).put("limit", 50).put("max_id", 0)
        .put("min_id", 0).put("hash", 0L)));
    List<String> out = new ArrayList<>();
    h.getJsonArray("messages").forEach(m -> out.add(0, ((JsonObject) m).getString("message", "")));
    return out;
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(700);
    } catch (InterruptedException e) {
      throw new RuntimeException(e);
    }
  }
}
