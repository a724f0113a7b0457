package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * messages.getDialogs: the viewer's dialogs (private chats and basic groups from its box, the channels it is a member
 * of) ordered by top message date, then top message id, newest first (dialogs equal on both by peer: users, chats,
 * channels, higher ids first). A position given by offset_date (0: the top of the list), offset_id and offset_peer
 * (inputPeerEmpty: before every peer at that date and id) selects the dialogs strictly after it. The answer is
 * messages.dialogs when it holds every dialog, messages.dialogsSlice with the total count otherwise, and carries the
 * top messages, users and chats of the returned dialogs only. The Local DC has neither pinned dialogs nor an archive:
 * exclude_pinned changes nothing and folder 1 is empty.
 */
final class Dialogs {

  private static final int MAIN_FOLDER = 0;
  private static final int ARCHIVE_FOLDER = 1;

  /** The tie-break between dialogs with the same top message date and id. */
  private static final Comparator<InputPeers.Target> PEER_ORDER = Comparator.comparing(InputPeers.Target::kind)
      .thenComparing(InputPeers.Target::id, Comparator.reverseOrder());
  private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::date).reversed()
      .thenComparing(Comparator.comparingInt(Entry::topId).reversed())
      .thenComparing(Entry::peer, PEER_ORDER);

  /** One dialog: its peer, its peer key in the viewer's box and its top message. */
  private record Entry(InputPeers.Target peer, String key, JsonObject top) {
    int date() {
      return top.getInteger("date", 0);
    }

    int topId() {
      return top.getInteger("id");
    }
  }

  private Dialogs() {
  }

  static Future<JsonObject> get(RpcCall call) {
    long me = call.requireUser();
    JsonObject q = call.query();
    int limit = MessageMethods.limit(q);
    int folder = q.getInteger("folder_id", MAIN_FOLDER);
    if (folder != MAIN_FOLDER && folder != ARCHIVE_FOLDER) {
      throw new RpcErrorException(400, "FOLDER_ID_INVALID");
    }
    int offsetDate = q.getInteger("offset_date", 0);
    int offsetId = q.getInteger("offset_id", 0);
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      InputPeers.Target offsetPeer = offsetPeer(w, me, q.getJsonObject("offset_peer"));
      List<Entry> all = folder == ARCHIVE_FOLDER ? List.of() : all(w, me);
      List<Entry> page = new ArrayList<>();
      for (Entry e : all) {
        if (page.size() == limit) {
          break;
        }
        if (offsetDate <= 0 || after(e, offsetDate, offsetId, offsetPeer)) {
          page.add(e);
        }
      }
      return answer(call, me, page, all.size());
    }));
  }

  /** The offset peer, null for inputPeerEmpty (or none); OFFSET_PEER_ID_INVALID when it cannot be resolved. */
  private static InputPeers.Target offsetPeer(World w, long me, JsonObject in) {
    if (in == null || "inputPeerEmpty".equals(in.getString("_"))) {
      return null;
    }
    try {
      return InputPeers.peer(w, me, in);
    } catch (RpcErrorException e) {
      throw new RpcErrorException(400, "OFFSET_PEER_ID_INVALID");
    }
  }

  /** Whether {@code e} comes strictly after the position (date, id, peer) in {@link #ORDER}. */
  private static boolean after(Entry e, int date, int id, InputPeers.Target peer) {
    if (e.date() != date) {
      return e.date() < date;
    }
    if (e.topId() != id) {
      return e.topId() < id;
    }
    return peer == null || PEER_ORDER.compare(e.peer(), peer) > 0;
  }

  /** Every dialog of {@code me}, in {@link #ORDER}. */
  private static List<Entry> all(World w, long me) {
    Map<String, JsonObject> tops = new LinkedHashMap<>();
    for (JsonObject m : w.user(me).mailbox().messages().descendingMap().values()) {
      tops.putIfAbsent(Messaging.peerKey(m, me), m);
    }
    List<Entry> out = new ArrayList<>();
    tops.forEach((key, m) -> out.add(new Entry(target(m.getJsonObject("peer_id")), key, m)));
    w.channelsOf(me).forEach(c -> {
      if (!c.mailbox().messages().isEmpty()) {
        InputPeers.Target peer = new InputPeers.Target(World.Kind.CHANNEL, c.id());
        out.add(new Entry(peer, peer.key(), c.mailbox().messages().lastEntry().getValue()));
      }
    });
    out.sort(ORDER);
    return out;
  }

  private static InputPeers.Target target(JsonObject peer) {
    return switch (peer.getString("_")) {
      case "peerChat" -> new InputPeers.Target(World.Kind.CHAT, peer.getLong("chat_id"));
      case "peerChannel" -> new InputPeers.Target(World.Kind.CHANNEL, peer.getLong("channel_id"));
      default -> new InputPeers.Target(World.Kind.USER, peer.getLong("user_id"));
    };
  }

  /** messages.dialogs or dialogsSlice of {@code page}, with its top messages and the users and chats they name. */
  private static JsonObject answer(RpcCall call, long me, List<Entry> page, int count) {
    World w = call.social().world();
    Mailbox box = w.user(me).mailbox();
    JsonArray dialogs = new JsonArray();
    JsonArray messages = new JsonArray();
    for (Entry e : page) {
      JsonObject d = MessageMethods.dialog(MessageMethods.peerOf(e.peer()), e.topId(), box, e.key());
      if (e.peer().kind() == World.Kind.CHANNEL) {
        d.put("pts", w.channel(e.peer().id()).mailbox().pts());
      }
      dialogs.add(d);
      messages.add(Media.refreshed(call.dc().core().files(), Channels.seenBy(e.top(), me)));
    }
    JsonObject out = new JsonObject().put("dialogs", dialogs).put("messages", messages);
    if (page.size() < count) {
      out.put("_", "messages.dialogsSlice").put("count", count);
    } else {
      out.put("_", "messages.dialogs");
    }
    return new Social.Refs().add(dialogs).add(messages).into(call.social().views(), me, out);
  }
}
