package dev.vertigram.ipc;

import dev.vertigram.client.CancellationToken;
import dev.vertigram.client.LogCapture;
import dev.vertigram.client.Vertigram;
import dev.vertigram.files.Progress;
import dev.vertigram.files.TransferOptions;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.updates.UpdatesVerticle;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.vertigram.ipc.IpcFixture.VERTX;
import static dev.vertigram.ipc.IpcFixture.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Vertigram#open} on a session another opener owns gives a forwarding session with the same API. */
class IpcSessionTest {

  @Test
  void openingAnOwnedSessionForwardsCallsLoginAndUpdates() throws Exception {
    LocalDc dc = IpcFixture.localDc();
    Path folder = Files.createTempDirectory("vertigram-ipc-session");
    Vertigram owner = IpcFixture.newUser(dc, folder, "owned");
    Vertigram forwarder = await(Vertigram.open(VERTX, "owned", IpcFixture.settings(dc, folder)));
    BlockingQueue<JsonObject> relayed = new LinkedBlockingQueue<>();
    MessageConsumer<JsonObject> consumer = VERTX.eventBus().consumer(UpdatesVerticle.address("owned"), m -> {
      if (m.headers().contains(IpcServer.RELAYED)) {
        relayed.add(m.body());
      }
    });
    try {
      assertFalse(owner.forwarding());
      assertTrue(forwarder.forwarding());
      assertNotNull(owner.ipcServer());
      JsonObject self = await(owner.start());
      assertEquals(self.getLong("id"), await(forwarder.start()).getLong("id"));
      assertThrows(IllegalStateException.class, forwarder::peers);
      Throwable refused = IpcFixture.failure(Vertigram.takeOver(VERTX, "owned", IpcFixture.settings(dc, folder)));
      assertTrue(refused.getMessage().contains("does not hand its session over"), refused.getMessage());
      // peers resolve at the owner ("me"), parse_mode applies there, the sent message comes back as a result
      JsonObject sent = await(forwarder.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "me")
          .put("message", "<b>from the forwarder</b>").put("parse_mode", "HTML").put("random_id", 7L)));
      assertTrue(sent.containsKey("updates") || sent.containsKey("id"), sent.encode());
      await(owner.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "me")
          .put("message", "from the owner").put("random_id", 8L)));
      JsonObject update = relayed.poll(20, TimeUnit.SECONDS);
      assertNotNull(update, "an update relayed from the owner to the forwarder");
      assertEquals("updateNewMessage", update.getString("_"));
    } finally {
      await(consumer.unregister());
      await(forwarder.close());
      await(owner.close());
    }
    assertFalse(Files.exists(folder.resolve("ipc.json")), "the owner stopped serving on close");
  }

  @Test
  void fileTransfersRunAtTheOwnerWithProgressAndCancellation() throws Exception {
    LocalDc dc = IpcFixture.localDc();
    Path folder = Files.createTempDirectory("vertigram-ipc-files");
    Vertigram owner = IpcFixture.newUser(dc, folder, "files");
    Vertigram forwarded = await(Vertigram.open(VERTX, "files", IpcFixture.settings(dc, folder)));
    try {
      await(owner.start());
      byte[] data = new byte[1_500_000];
      new Random(7).nextBytes(data);
      Path source = folder.resolve("source.bin");
      Files.write(source, data);
      List<Progress> events = new CopyOnWriteArrayList<>();
      JsonObject sent = await(forwarded.forwarder().transfer(new JsonObject().put("op", "sendDocument")
          .put("peer", "me").put("path", source.toString()), // resolved by the owner's call
          TransferOptions.create().progress(events::add)));
      assertFalse(events.isEmpty(), "progress events reached the forwarder");
      assertEquals(data.length, events.get(events.size() - 1).done());
      JsonObject message = null;
      for (Object u : sent.getJsonArray("updates")) {
        if (((JsonObject) u).getValue("message") instanceof JsonObject m) {
          message = m;
        }
      }
      assertNotNull(message, sent.encode());
      Path copy = folder.resolve("copy.bin");
      assertEquals(copy.toString(), await(forwarded.forwarder().transfer(new JsonObject().put("op", "downloadToFile")
          .put("object", message).put("path", copy.toString()), TransferOptions.create())).getString("path"));
      assertArrayEquals(data, Files.readAllBytes(copy));

      // a progress callback that throws is the callback's failure: the transfer goes on
      try (LogCapture log = new LogCapture(IpcClient.class)) {
        Path again = folder.resolve("again.bin");
        await(forwarded.forwarder().transfer(new JsonObject().put("op", "downloadToFile").put("object", message)
            .put("path", again.toString()), TransferOptions.create().progress(p -> {
              throw new IllegalStateException("the callback broke");
            })));
        assertArrayEquals(data, Files.readAllBytes(again));
        assertTrue(log.contains("progress callback of transfer"), "the callback's failure was not logged as such");
        assertFalse(log.contains("bad frame"), "the callback's failure was taken for a bad frame");
      }

      // cancelling at the forwarder cancels at the owner: the upload stops before its last part
      byte[] big = new byte[24 << 20];
      Files.write(source, big);
      dc.stats().reset();
      CancellationToken token = CancellationToken.create();
      Future<JsonObject> upload = forwarded.forwarder().transfer(new JsonObject().put("op", "upload")
          .put("path", source.toString()), TransferOptions.create().parallelism(2).cancellation(token)
          .progress(p -> token.cancel()));
      assertInstanceOf(CancellationException.class, IpcFixture.failure(upload));
      Thread.sleep(500);
      assertTrue(dc.stats().executions("upload.saveBigFilePart") < 48, "parts sent after the cancel: "
          + dc.stats().executions("upload.saveBigFilePart"));
    } finally {
      await(forwarded.close());
      await(owner.close());
    }
  }
}
