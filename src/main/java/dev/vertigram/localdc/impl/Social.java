package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.World;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
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

  /** Pushes each update to its user's sessions, except the session of {@code call}. Call outside the world lock. */
  void deliver(RpcCall call, List<Push> pushes) {
    for (Push p : pushes) {
      if (core.faults().takeDropUpdate()) {
        continue;
      }
      core.pusher().push(p.userId(), call == null ? null : call.session(), core.encoder().push(p.updates()));
    }
  }

  /** Ids of the users, chats and channels a TL value mentions (peers, user_id / chat_id / channel_id fields). */
  static final class Refs {
    final Set<Long> users = new LinkedHashSet<>();
    final Set<Long> chats = new LinkedHashSet<>();
    final Set<Long> channels = new LinkedHashSet<>();

    Refs add(Object value) {
      if (value instanceof JsonObject o) {
        switch (o.getString("_", "")) {
          case "peerUser" -> users.add(o.getLong("user_id"));
          case "peerChat" -> chats.add(o.getLong("chat_id"));
          case "peerChannel" -> channels.add(o.getLong("channel_id"));
          default -> {
            if (o.getValue("user_id") instanceof Number n) {
              users.add(n.longValue());
            }
            if (o.getValue("chat_id") instanceof Number n) {
              chats.add(n.longValue());
            }
            if (o.getValue("channel_id") instanceof Number n) {
              channels.add(n.longValue());
            }
            o.forEach(e -> add(e.getValue()));
          }
        }
      } else if (value instanceof JsonArray a) {
        a.forEach(this::add);
      }
      return this;
    }

    /** Adds users, chats and channels fields (as {@code viewer} sees them) to {@code target}. */
    JsonObject into(TlViews views, long viewer, JsonObject target) {
      return target.put("users", views.users(viewer, users)).put("chats", views.chats(viewer, chats, channels));
    }
  }

  /** An {@code updates} object (seq 0: its updates carry pts) with the users and chats they mention. */
  static JsonObject updates(TlViews views, long viewer, List<JsonObject> updates, int date, int seq) {
    JsonArray list = new JsonArray(new ArrayList<>(updates));
    JsonObject u = new JsonObject().put("_", "updates").put("updates", list).put("date", date).put("seq", seq);
    return new Refs().add(list).into(views, viewer, u);
  }
}
