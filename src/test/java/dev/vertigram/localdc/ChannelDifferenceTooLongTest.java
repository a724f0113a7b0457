package dev.vertigram.localdc;

import dev.vertigram.localdc.world.Mailbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel whose kept update log no longer reaches back to the client's pts answers getChannelDifference with
 * channelDifferenceTooLong: the dialog at the current pts and the last messages. Slow: it posts 10,005 messages.
 */
@Tag("slow")
class ChannelDifferenceTooLongTest extends LocalDcTestBase {

  @Test
  void forgottenChannelUpdatesGiveTooLong() throws Exception {
    TestSession a = session();
    WorldTest.signUp(a, "Poster");
    JsonObject created = a.call(q("channels.createChannel").put("broadcast", true).put("title", "Busy")
        .put("about", ""));
    JsonObject ch = created.getJsonArray("chats").getJsonObject(0);
    JsonObject peer = q("inputPeerChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"));
    int total = Mailbox.MAX_EVENTS + 5;
    for (int from = 0; from < total; from += 500) {
      List<Long> calls = new ArrayList<>();
      for (int i = from; i < Math.min(total, from + 500); i++) {
        calls.add(a.send(q("messages.sendMessage").put("peer", peer).put("message", "p" + i).put("random_id", i + 1L)));
      }
      for (long call : calls) {
        a.result(call);
      }
    }
    JsonObject channel = q("inputChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"));
    JsonObject diff = a.call(q("updates.getChannelDifference").put("channel", channel)
        .put("filter", q("channelMessagesFilterEmpty")).put("pts", 1).put("limit", 10));
    assertEquals("updates.channelDifferenceTooLong", diff.getString("_"), diff.encode().substring(0, 300));
    JsonObject dialog = diff.getJsonObject("dialog");
    assertEquals(total + 1, dialog.getInteger("pts"), "the creation message and every post");
    assertEquals(total + 1, dialog.getInteger("top_message"));
    JsonArray messages = diff.getJsonArray("messages");
    assertEquals(10, messages.size());
    assertEquals("p" + (total - 1), messages.getJsonObject(0).getString("message"));
    assertTrue(diff.getJsonArray("chats").stream().anyMatch(c -> ((JsonObject) c).getLong("id")
        .equals(ch.getLong("id"))));
    // from a pts still in the log: an ordinary difference
    assertEquals("updates.channelDifference", a.call(q("updates.getChannelDifference").put("channel", channel)
        .put("filter", q("channelMessagesFilterEmpty")).put("pts", total - 3).put("limit", 10)).getString("_"));
  }
}
