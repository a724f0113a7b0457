package dev.vertigram.ipc;

import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.updates.EventHandler;
import dev.vertigram.updates.Vertigrams;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.vertigram.ipc.IpcFixture.VERTX;
import static dev.vertigram.ipc.IpcFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second JVM: {@code ipc.autoStart} starts an {@link IpcWorker} that owns the session and serves this process; then
 * {@link Vertigrams#startAndLoop} asks it to hand the session over, the worker exits and the handler gets updates.
 */
class IpcTakeoverTest {

  /** Records every update (static: startAndLoop creates the instance). */
  public static class Received extends EventHandler {
    static final BlockingQueue<JsonObject> UPDATES = new LinkedBlockingQueue<>();

    @Override
    protected void onAny(JsonObject update) {
      UPDATES.add(update);
    }
  }

  /** The pid written in the session's lock file, -1 while a new owner is rewriting it. */
  static long lockHolder(Path folder) throws Exception {
    try {
      return new JsonObject(Files.readString(folder.resolve("session.lock"))).getLong("pid");
    } catch (DecodeException rewriting) {
      return -1;
    }
  }

  @Test
  void autoStartedWorkerServesThenStartAndLoopTakesOver() throws Exception {
    LocalDc dc = IpcFixture.localDc();
    Path folder = Files.createTempDirectory("vertigram-ipc-worker");
    Vertigram alice = IpcFixture.newUser(dc, Files.createTempDirectory("vertigram-ipc-alice"), "alice");
    await(IpcFixture.newUser(dc, folder, "worked").close());
    String username = "worked" + System.nanoTime() % 1_000_000;
    Settings auto = IpcFixture.settings(dc, folder);
    auto.ipc().autoStart(true);
    Vertigram forwarded = await(Vertigram.open(VERTX, "worked", auto));
    Vertigram owner = null;
    ProcessHandle worker = null;
    try {
      assertTrue(forwarded.forwarding());
      long workerPid = lockHolder(folder);
      assertNotEquals(ProcessHandle.current().pid(), workerPid);
      worker = ProcessHandle.of(workerPid).orElseThrow();
      long selfId = await(forwarded.start()).getLong("id");
      await(forwarded.call(new JsonObject().put("_", "account.updateUsername").put("username", username)));
      assertTrue(Files.readString(folder.resolve(IpcLauncher.WORKER_LOG)).contains("READY"));
      for (String file : new String[] {IpcLauncher.WORKER_LOG, IpcWorker.SETTINGS}) {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file))));
      }
      await(forwarded.close());

      owner = await(Vertigrams.startAndLoop(VERTX, "worked", IpcFixture.settings(dc, folder), Received.class));
      assertFalse(owner.forwarding());
      worker.onExit().get(30, TimeUnit.SECONDS);
      assertFalse(worker.isAlive(), "the worker exited after handing the session over");
      assertEquals(ProcessHandle.current().pid(), lockHolder(folder));
      assertEquals(selfId, await(owner.login()).getLong("id"));

      await(alice.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "@" + username)
          .put("message", "after the takeover").put("random_id", System.nanoTime())));
      JsonObject update;
      do {
        update = Received.UPDATES.poll(20, TimeUnit.SECONDS);
        assertNotNull(update, "the handler got the message sent after the takeover");
      } while (!"updateNewMessage".equals(update.getString("_")));
      assertEquals("after the takeover", update.getJsonObject("message").getString("message"));
    } finally {
      if (owner != null) {
        await(owner.close());
      }
      if (worker != null) {
        worker.destroyForcibly();
      }
      await(alice.close());
    }
  }
}
