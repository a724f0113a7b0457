package dev.vertigram.localdc.world;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A message box with its own message ids and pts sequence: one per account (private chats and basic groups, each
 * message stored once per participant, as the owner sees it) and one per channel. Messages are TL {@code message}
 * objects as JSON, never changed once stored (an edit stores a new object), so that a snapshot can share them.
 * Guarded by the {@link World} lock.
 */
public final class Mailbox {

  /** Updates kept for getDifference; older gaps get differenceTooLong / channelDifferenceTooLong. */
  public static final int MAX_EVENTS = 10_000;

  private final TreeMap<Integer, JsonObject> messages = new TreeMap<>();
  /** The kept updates in pts order: a deque, as each new update past {@value #MAX_EVENTS} drops the oldest. */
  private final ArrayDeque<PtsEvent> events = new ArrayDeque<>();
  /** Secret-chat updates (updateNewEncryptedMessage) in qts order, the last {@value #MAX_EVENTS}. */
  private final List<JsonObject> qtsEvents = new ArrayList<>();
  private final Map<Long, Integer> randomIds = new HashMap<>();
  /** Peer key (see {@link World#peerKey}) → highest message id read by the owner. */
  private final Map<String, Integer> readInbox = new HashMap<>();
  private final Map<String, Integer> readOutbox = new HashMap<>();
  private int lastMessageId;
  private int pts;
  private int qts;
  private int seq;

  /** The next message id of this box. */
  public int nextMessageId() {
    return ++lastMessageId;
  }

  public TreeMap<Integer, JsonObject> messages() {
    return messages;
  }

  /** Records an update taking {@code ptsCount} pts; returns the new pts (the update's {@code pts} field is set). */
  public int addEvent(JsonObject update, int ptsCount, int date) {
    pts += ptsCount;
    update.put("pts", pts).put("pts_count", ptsCount);
    events.add(new PtsEvent(pts, ptsCount, date, update));
    if (events.size() > MAX_EVENTS) {
      events.removeFirst();
    }
    return pts;
  }

  /** Updates with a pts above {@code fromPts}, at most {@code limit}; null when some of them were forgotten. */
  public List<PtsEvent> eventsAfter(int fromPts, int limit) {
    if (fromPts < pts && (events.isEmpty() || events.getFirst().pts() - events.getFirst().ptsCount() > fromPts)) {
      return null;
    }
    List<PtsEvent> out = new ArrayList<>();
    for (PtsEvent e : events) {
      if (out.size() == limit) {
        break;
      }
      if (e.pts() > fromPts) {
        out.add(e);
      }
    }
    return out;
  }

  public int pts() {
    return pts;
  }

  public int qts() {
    return qts;
  }

  /** Records a secret-chat update taking the next qts (its {@code qts} field is set); returns the new qts. */
  public int addQtsEvent(JsonObject update) {
    update.put("qts", ++qts);
    qtsEvents.add(update);
    if (qtsEvents.size() > MAX_EVENTS) {
      qtsEvents.subList(0, qtsEvents.size() - MAX_EVENTS).clear();
    }
    return qts;
  }

  /** The kept secret-chat updates with a qts above {@code fromQts}, at most {@code limit}. */
  public List<JsonObject> qtsEventsAfter(int fromQts, int limit) {
    return qtsEvents.stream().filter(u -> u.getInteger("qts") > fromQts).limit(limit).toList();
  }

  public int seq() {
    return seq;
  }

  /** Increments seq (for an {@code updates} push that carries no pts); returns it. */
  public int nextSeq() {
    return ++seq;
  }

  /** The message id already sent with that random_id by the owner, or null. */
  public Integer byRandomId(long randomId) {
    return randomIds.get(randomId);
  }

  public void randomId(long randomId, int messageId) {
    randomIds.put(randomId, messageId);
  }

  public Map<String, Integer> readInbox() {
    return readInbox;
  }

  public Map<String, Integer> readOutbox() {
    return readOutbox;
  }

  /**
   * A copy of this box for a snapshot, taken under the world lock: the containers are copied, the messages and updates
   * they hold are shared (they are never changed once stored: an edit stores a new message object).
   */
  Mailbox copy() {
    Mailbox c = new Mailbox();
    c.messages.putAll(messages);
    c.events.addAll(events);
    c.qtsEvents.addAll(qtsEvents);
    c.randomIds.putAll(randomIds);
    c.readInbox.putAll(readInbox);
    c.readOutbox.putAll(readOutbox);
    c.lastMessageId = lastMessageId;
    c.pts = pts;
    c.qts = qts;
    c.seq = seq;
    return c;
  }

  /** The whole box as JSON (for a snapshot). */
  JsonObject toJson() {
    JsonArray msgs = new JsonArray();
    messages.values().forEach(msgs::add);
    JsonArray log = new JsonArray();
    events.forEach(e -> log.add(new JsonArray().add(e.pts()).add(e.ptsCount()).add(e.date()).add(e.update())));
    JsonObject rnd = new JsonObject();
    randomIds.forEach((r, id) -> rnd.put(Long.toString(r), id));
    return new JsonObject().put("last_id", lastMessageId).put("pts", pts).put("qts", qts).put("seq", seq)
        .put("messages", msgs).put("events", log).put("qts_events", new JsonArray(new ArrayList<>(qtsEvents)))
        .put("random_ids", rnd)
        .put("read_inbox", new JsonObject(new HashMap<>(readInbox)))
        .put("read_outbox", new JsonObject(new HashMap<>(readOutbox)));
  }

  /** Replaces this (empty) box's content with {@code json} from {@link #toJson()}. */
  void restore(JsonObject json) {
    lastMessageId = json.getInteger("last_id");
    pts = json.getInteger("pts");
    qts = json.getInteger("qts");
    seq = json.getInteger("seq");
    json.getJsonArray("messages").forEach(m -> messages.put(((JsonObject) m).getInteger("id"), (JsonObject) m));
    json.getJsonArray("events").forEach(e -> {
      JsonArray a = (JsonArray) e;
      events.add(new PtsEvent(a.getInteger(0), a.getInteger(1), a.getInteger(2), a.getJsonObject(3)));
    });
    json.getJsonArray("qts_events").forEach(u -> qtsEvents.add((JsonObject) u));
    json.getJsonObject("random_ids").forEach(e -> randomIds.put(Long.parseLong(e.getKey()), (Integer) e.getValue()));
    json.getJsonObject("read_inbox").forEach(e -> readInbox.put(e.getKey(), (Integer) e.getValue()));
    json.getJsonObject("read_outbox").forEach(e -> readOutbox.put(e.getKey(), (Integer) e.getValue()));
  }
}
