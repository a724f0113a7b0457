package dev.vertigram.updates.impl;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Fetches and applies updates.getDifference and updates.getChannelDifference for an {@link UpdateStateMachine}. */
final class Differences {

  static final int CHANNEL_LIMIT = 100;
  static final int PTS_TOTAL_LIMIT = 10_000;

  private final UpdateStateMachine machine;
  private final UpdatesEnv env;

  Differences(UpdateStateMachine machine, UpdatesEnv env) {
    this.machine = machine;
    this.env = env;
  }

  /** getDifference from that state until difference/differenceEmpty; differenceTooLong refetches the state. */
  Future<Void> common(int pts, int qts, int date) {
    JsonObject req = new JsonObject().put("_", "updates.getDifference").put("pts", pts).put("qts", qts)
        .put("date", date).put("pts_total_limit", PTS_TOTAL_LIMIT);
    return env.call(req).compose(d -> switch (d.getString("_")) {
      case "updates.differenceEmpty" -> {
        machine.setDateSeq(d.getInteger("date"), d.getInteger("seq"));
        yield Future.succeededFuture();
      }
      case "updates.difference" -> {
        apply(d, d.getJsonObject("state"));
        yield Future.succeededFuture();
      }
      case "updates.differenceSlice" -> {
        JsonObject st = d.getJsonObject("intermediate_state");
        apply(d, st);
        yield common(st.getInteger("pts"), st.getInteger("qts"), st.getInteger("date"));
      }
      case "updates.differenceTooLong" -> env.call(new JsonObject().put("_", "updates.getState"))
          .map(st -> {
            machine.setCommon(st);
            return null;
          });
      default -> Future.failedFuture("unexpected getDifference result " + d.getString("_"));
    });
  }

  private void apply(JsonObject d, JsonObject state) {
    env.entities(d);
    for (Object m : d.getJsonArray("new_messages", new JsonArray())) {
      env.deliver(new JsonObject().put("_", "updateNewMessage").put("message", m).put("pts_count", 0));
    }
    for (Object m : d.getJsonArray("new_encrypted_messages", new JsonArray())) {
      env.deliver(new JsonObject().put("_", "updateNewEncryptedMessage").put("message", m).put("qts", 0));
    }
    for (Object o : d.getJsonArray("other_updates", new JsonArray())) {
      JsonObject u = (JsonObject) o;
      String type = u.getString("_");
      if (type.equals("updateChannelTooLong") || u.containsKey("channel_id") && u.containsKey("pts")
          || type.equals("updateNewChannelMessage") || type.equals("updateEditChannelMessage")) {
        machine.processUpdate(u);
      } else {
        env.deliver(u);
      }
    }
    machine.setCommon(state);
  }

  /**
   * getChannelDifference from the box's pts until {@code final}; channelDifferenceTooLong resets the channel. Completes
   * with the server's {@code timeout} of the last answer (seconds before the next poll), or null.
   */
  Future<Integer> channel(SequenceBox box) {
    return env.inputChannel(box.channelId).compose(input -> channelFrom(box, input));
  }

  /** The channel's pts from channels.getFullChannel (for a channel with no update seen yet). */
  Future<Integer> channelPts(long channelId) {
    return env.inputChannel(channelId).compose(input -> env.call(new JsonObject().put("_", "channels.getFullChannel")
        .put("channel", input))).map(full -> {
          env.entities(full);
          return full.getJsonObject("full_chat").getInteger("pts");
        });
  }

  private Future<Integer> channelFrom(SequenceBox box, JsonObject input) {
    JsonObject req = new JsonObject().put("_", "updates.getChannelDifference").put("channel", input)
        .put("filter", new JsonObject().put("_", "channelMessagesFilterEmpty")).put("pts", box.state)
        .put("limit", CHANNEL_LIMIT);
    return env.call(req).compose(d -> {
      env.entities(d);
      switch (d.getString("_")) {
        case "updates.channelDifferenceEmpty" -> box.state = d.getInteger("pts");
        case "updates.channelDifference" -> {
          deliverChannelMessages(d.getJsonArray("new_messages"), d.getInteger("pts"));
          d.getJsonArray("other_updates", new JsonArray()).forEach(u -> env.deliver((JsonObject) u));
          box.state = d.getInteger("pts");
        }
        case "updates.channelDifferenceTooLong" -> {
          deliverChannelMessages(d.getJsonArray("messages"), d.getJsonObject("dialog").getInteger("pts"));
          box.state = d.getJsonObject("dialog").getInteger("pts");
        }
        default -> {
          return Future.failedFuture("unexpected getChannelDifference result " + d.getString("_"));
        }
      }
      machine.changed(box);
      return d.getBoolean("final", false) ? Future.succeededFuture(d.getInteger("timeout"))
          : channelFrom(box, input);
    });
  }

  private void deliverChannelMessages(JsonArray messages, int pts) {
    for (Object m : messages == null ? new JsonArray() : messages) {
      env.deliver(new JsonObject().put("_", "updateNewChannelMessage").put("message", m).put("pts", pts)
          .put("pts_count", 0));
    }
  }
}
