package dev.vertigram.ipc;

import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.localdc.LocalDc;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.vertigram.ipc.IpcFixture.VERTX;
import static dev.vertigram.ipc.IpcFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker JVM killed (-9) while it runs a stream of forwarded sends; the forwarder starts a new worker and replays
 * what was not answered: every call completes, each
 * with its own message, and the chat holds each message once (replies kept in the journal are not run again; sends
 * in flight at the kill are replayed with the random_id the forwarder pinned, which the DC does not send twice).
 */
class IpcWorkerKillTest {

  static final int SENDS = 2000;

  @Test
  void workerKilledMidStreamThenRestartedSendsEveryMessageOnce() throws Exception {
    LocalDc dc = IpcFixture.localDc();
    Path folder = Files.createTempDirectory("vertigram-ipc-kill");
    await(IpcFixture.newUser(dc, folder, "killed").close());
    Settings auto = IpcFixture.settings(dc, folder);
    auto.ipc().autoStart(true);
    Vertigram forwarded = await(Vertigram.open(VERTX, "killed", auto));
    ProcessHandle first = ProcessHandle.of(IpcTakeoverTest.lockHolder(folder)).orElseThrow();
    ProcessHandle second = null;
    try {
      await(forwarded.start());
      List<Future<JsonObject>> sends = new ArrayList<>();
      for (int i = 0; i < SENDS; i++) {
        sends.add(forwarded.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "me")
            .put("message", "m" + i)));
      }
      await(sends.get(SENDS / 20));
      first.destroyForcibly();
      first.onExit().get(30, TimeUnit.SECONDS);
      Thread.sleep(200); // what the dead worker wrote to the socket is read; a new one takes seconds to start
      assertTrue(sends.stream().filter(Future::isComplete).count() < SENDS, "killed mid-stream");
      long deadline = System.nanoTime() + 60_000_000_000L;
      long holder;
      while (((holder = IpcTakeoverTest.lockHolder(folder)) == first.pid() || holder < 0)
          && System.nanoTime() < deadline) {
        Thread.sleep(100); // the forwarder starts a new worker once reconnecting fails
      }
      second = ProcessHandle.of(holder).orElseThrow();
      assertNotEquals(first.pid(), second.pid());
      await(Future.all(sends)); // reconnected and replayed
      Set<Integer> ids = new HashSet<>();
      sends.forEach(s -> ids.add(messageId(s.result())));
      assertEquals(SENDS, ids.size(), "each call answered with its own message");
      JsonObject history = await(forwarded.call(new JsonObject().put("_", "messages.getHistory").put("peer", "me")
          .put("offset_id", 0).put("offset_date", 0).put("add_offset", 0).put("limit", 1).put("max_id", 0)
          .put("min_id", 0).put("hash", 0L)));
      assertEquals(SENDS, history.getInteger("count"), "each message sent once");
      assertTrue(dc.stats().executions("messages.sendMessage") >= SENDS);
    } finally {
      first.destroyForcibly();
      if (second != null) {
        second.destroyForcibly();
      }
      await(forwarded.close());
    }
  }

  /** The id of the sent message: updateShortSentMessage, or the updateMessageID inside updates. */
  static int messageId(JsonObject sent) {
    if (sent.containsKey("id")) {
      return sent.getInteger("id");
    }
    JsonArray updates = sent.getJsonArray("updates");
    for (int i = 0; i < updates.size(); i++) {
      JsonObject u = updates.getJsonObject(i);
      if ("updateMessageID".equals(u.getString("_"))) {
        return u.getInteger("id");
      }
    }
    throw new AssertionError("no message id in " + sent.encode());
  }
}
