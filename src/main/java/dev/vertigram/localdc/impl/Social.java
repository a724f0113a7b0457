package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.World;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The social side of the Local DC shared by all DCs: the {@link World}, its TL views, the logins, and delivery of
 * updates to the sessions of users (through {@link UpdatePusher}, honouring the dropUpdates fault).
 */
final class Social {

  /** One {@code Updates} object for every session of a user (but the calling one). */
  record Push(long userId, JsonObject updates) {
  }

  /** Results carrying their {@code updates} in an {@code updates} field. */
  private static final Set<String> WRAPPED_UPDATES = Set.of("messages.invitedUsers",
      "messages.chatInviteJoinResultOk");

  private final World world;
  private final TlViews views;
  private final Authorizations auths = new Authorizations();
  private final ServerCore core;

  Social(ServerCore core, World world) {
    this.core = core;
    this.world = world;
    this.views = new TlViews(world);
  }

  World world() {
    return world;
  }

  TlViews views() {
    return views;
  }

  Authorizations auths() {
    return auths;
  }

  /**
   * Pushes each update to its user's sessions, except the session of {@code call}, in the account's seq order (see
   * {@link #sequence}). Call outside the world lock.
   */
  void deliver(RpcCall call, List<Push> pushes) {
    Session except = call == null ? null : call.session();
    long caller = call == null ? 0 : call.key().userId();
    // seq given and pushes queued under one lock: concurrent deliveries to one account reach each session in seq order
    world.locked(() -> {
      for (Push p : sequence(pushes)) {
        if (p.userId() == caller && caller != 0 && p.updates().containsKey("seq")
            && !"updateShort".equals(p.updates().getString("_"))) {
          // the caller's own account: an updates result of this call shares this seq, 0 for channel updates (see
          // stampResult)
          call.session().reserveSeq(call.msgId(), p.updates().getInteger("seq"));
        }
        if (core.faults().takeDropUpdate() || !core.pusher().hasReceivers(p.userId(), except)) {
          continue;
        }
        core.pusher().push(p.userId(), except, core.encoder().push(p.updates()));
      }
      return null;
    });
  }

  /**
   * Gives an {@code updates} result of {@code call} (seq 0 as the handler built it) the account's seq, as Telegram
   * does: the seq of the same call's {@code updates} push to the caller's other sessions when there was one (they are
   * the same updates), else the account's next seq, the result itself then being pushed to the caller's other sessions
   * so that none of them sees a gap. Channel-only updates keep seq 0 (and are pushed to the other sessions the same
   * way when the call pushed nothing to them). {@code answer} writes the result; it runs under the world lock so that
   * the result takes its place among concurrent pushes. Other results are answered as they are.
   */
  void stampResult(RpcCall call, JsonObject result, java.util.function.Consumer<JsonObject> answer) {
    long me = call.key().userId();
    Integer reserved = call.session().takeReservedSeq(call.msgId());
    // an updates result, or one inside messages.invitedUsers (createChat, addChatUser, inviteToChannel) or
    // messages.chatInviteJoinResultOk (joinChannel)
    JsonObject updates = WRAPPED_UPDATES.contains(result.getString("_")) ? result.getJsonObject("updates") : result;
    if (me == 0 || updates == null || !"updates".equals(updates.getString("_")) || updates.getInteger("seq", 0) != 0) {
      answer.accept(result);
      return;
    }
    boolean unsequenced = channelOnly(updates);
    world.locked(() -> {
      var user = world.user(me);
      if (user == null) {
        answer.accept(result);
      } else if (reserved != null) {
        updates.put("seq", reserved);
        answer.accept(result);
      } else {
        updates.put("seq", unsequenced ? 0 : user.mailbox().nextSeq());
        core.pusher().push(me, call.session(), core.encoder().push(updates)); // not subject to dropUpdates
        answer.accept(result);
      }
      return null;
    });
  }

  /**
   * Gives the {@code updates} of each account their seq, as Telegram does: the {@code updates} objects for one account
   * become one {@code updates} (seq = the account's next seq) or, when there are several, one {@code updatesCombined}
   * (seq_start..seq, one seq per object) placed where the first of them was; short updates, and {@code updates} with
   * only channel updates (seq 0, see {@link #channelOnly}), keep their place. Call under the world lock.
   */
  private List<Push> sequence(List<Push> pushes) {
    Map<Long, List<JsonObject>> grouped = new LinkedHashMap<>();
    boolean[] sequenced = new boolean[pushes.size()];
    for (int i = 0; i < sequenced.length; i++) {
      Push p = pushes.get(i);
      sequenced[i] = sequenced(p.updates());
      if (sequenced[i]) {
        grouped.computeIfAbsent(p.userId(), u -> new ArrayList<>()).add(p.updates());
      }
    }
    List<Push> out = new ArrayList<>(pushes.size());
    for (int i = 0; i < sequenced.length; i++) {
      Push p = pushes.get(i);
      List<JsonObject> group = sequenced[i] ? grouped.remove(p.userId()) : null;
      if (group != null) {
        out.add(new Push(p.userId(), stamp(world.user(p.userId()).mailbox(), group)));
      } else if (!sequenced[i]) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean sequenced(JsonObject updates) {
    return "updates".equals(updates.getString("_")) && !channelOnly(updates);
  }

  /**
   * Whether an {@code updates} object carries channel updates only (besides updateMessageID, which has no state):
   * Telegram sends those with seq 0, and they do not advance the account's seq (channels have their own pts).
   */
  static boolean channelOnly(JsonObject updates) {
    boolean channel = false;
    for (Object o : updates.getJsonArray("updates").getList()) {
      String name = ((JsonObject) o).getString("_");
      if (name.contains("Channel")) {
        channel = true;
      } else if (!"updateMessageID".equals(name)) {
        return false;
      }
    }
    return channel;
  }

  private static JsonObject stamp(Mailbox box, List<JsonObject> group) {
    JsonObject first = group.get(0);
    int start = box.nextSeq();
    if (group.size() == 1) {
      return first.put("seq", start);
    }
    JsonObject combined = new JsonObject().put("_", "updatesCombined").put("updates", new JsonArray())
        .put("users", new JsonArray()).put("chats", new JsonArray()).put("date", first.getInteger("date"));
    Set<Object> seen = new java.util.HashSet<>();
    for (JsonObject u : group) {
      combined.getJsonArray("updates").addAll(u.getJsonArray("updates"));
      for (String list : new String[] {"users", "chats"}) {
        u.getJsonArray(list).forEach(peer -> {
          JsonObject o = (JsonObject) peer;
          if (seen.add(o.getString("_") + o.getLong("id"))) {
            combined.getJsonArray(list).add(o);
          }
        });
      }
    }
    int seq = start;
    for (int i = 1; i < group.size(); i++) {
      seq = box.nextSeq();
    }
    return combined.put("seq_start", start).put("seq", seq);
  }

  /** Ids of the users, chats and channels a TL value mentions (peers, user_id / chat_id / channel_id fields). */
  static final class Refs {
    final Set<Long> users = new LinkedHashSet<>();
    final Set<Long> chats = new LinkedHashSet<>();
    final Set<Long> channels = new LinkedHashSet<>();

    /** Adds what {@code value} mentions; walks the underlying maps and lists (no wrapping of each value). */
    Refs add(Object value) {
      if (value instanceof JsonObject o) {
        addObject(o.getMap());
      } else if (value instanceof Map<?, ?> m) {
        addObject(m);
      } else if (value instanceof JsonArray a) {
        addAll(a.getList());
      } else if (value instanceof List<?> l) {
        addAll(l);
      }
      return this;
    }

    private void addAll(List<?> values) {
      for (Object v : values) {
        add(v);
      }
    }

    private void addObject(Map<?, ?> o) {
      Object name = o.get("_");
      switch (name == null ? "" : name.toString()) {
        case "peerUser" -> users.add(((Number) o.get("user_id")).longValue());
        case "peerChat" -> chats.add(((Number) o.get("chat_id")).longValue());
        case "peerChannel" -> channels.add(((Number) o.get("channel_id")).longValue());
        default -> {
          if (o.get("user_id") instanceof Number n) {
            users.add(n.longValue());
          }
          if (o.get("chat_id") instanceof Number n) {
            chats.add(n.longValue());
          }
          if (o.get("channel_id") instanceof Number n) {
            channels.add(n.longValue());
          }
          for (Object v : o.values()) {
            if (v instanceof Map || v instanceof List || v instanceof JsonObject || v instanceof JsonArray) {
              add(v);
            }
          }
        }
      }
    }

    /** Adds everything {@code other} mentions, after what this one mentions. */
    Refs add(Refs other) {
      users.addAll(other.users);
      chats.addAll(other.chats);
      channels.addAll(other.channels);
      return this;
    }

    /** Adds users, chats and channels fields (as {@code viewer} sees them) to {@code target}. */
    JsonObject into(TlViews views, long viewer, JsonObject target) {
      return target.put("users", views.users(viewer, users)).put("chats", views.chats(viewer, chats, channels));
    }
  }

  /**
   * An {@code updates} object with the users and chats its updates mention; {@code seq} 0 as built (pushes get the
   * account's seq in {@link #deliver}, call results in {@link #stampResult}).
   */
  static JsonObject updates(TlViews views, long viewer, List<JsonObject> updates, int date, int seq) {
    return updates(views, viewer, updates, new Refs().add(updates), date, seq);
  }

  /** {@link #updates(TlViews, long, List, int, int)} when what the updates mention is known: {@code refs}. */
  static JsonObject updates(TlViews views, long viewer, List<JsonObject> updates, Refs refs, int date, int seq) {
    JsonArray list = new JsonArray(new ArrayList<>(updates));
    JsonObject u = new JsonObject().put("_", "updates").put("updates", list).put("date", date).put("seq", seq);
    return refs.into(views, viewer, u);
  }
}
