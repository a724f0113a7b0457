package dev.vertigram.ipc;

import dev.vertigram.client.Vertigram;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.updates.UpdatesVerticle;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.vertigram.ipc.IpcFixture.VERTX;
import static dev.vertigram.ipc.IpcFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
