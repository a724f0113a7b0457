package dev.vertigram.updates.impl;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The update state machine of core.telegram.org/api/updates for one session: the common pts, qts, seq and date,
 * one pts per channel, gap detection with a short wait, and recovery by updates.getDifference /
 * updates.getChannelDifference.
 *
 * <p>Create it and call every method on one Vert.x context (the owning verticle's); nothing blocks. Each full update
 * reaches {@link UpdatesEnv#deliver} once, in sequence order; the state that covers it is saved afterwards, coalesced
 * (one write in flight; {@link #flush()} waits for it).
 *
 * <p>Guarantee: within a run, every update is delivered exactly once (duplicates and already applied updates are
 * dropped by the sequence rules, a held-back update is released at most once, one recovery per sequence at a time).
 * Across runs, the saved state never runs ahead of delivery, so nothing is lost; an update delivered after the last
 * durable save (a crash, not a clean {@link #stop()}) comes again from getDifference at the next start: at least
 * once across crashes, exactly once across clean restarts and reconnects.
 */
public final class UpdateStateMachine {

  private static final Logger LOG = LoggerFactory.getLogger(UpdateStateMachine.class);
  private static final long RETRY_MS = 1_000;
  /** The poll period of a followed channel when the server gives no {@code timeout}. */
  private static final int DEFAULT_POLL_SECONDS = 30;

  private final Context ctx;
  private final UpdatesEnv env;
  private final StateStore store;
  private final StateSaver saver;
  private final SequenceBox pts = new SequenceBox(0, 0);
  private final SequenceBox qts = new SequenceBox(-1, 0);
  private final SequenceBox seq = new SequenceBox(-2, 0);
  private final Map<Long, SequenceBox> channels = new HashMap<>();
  private final ChannelPolls polls;
  private final List<Runnable> early = new ArrayList<>();
  private final Differences differences;
  private int date;
  private long gapWaitMs = 500;
  private long idleMs = 15 * 60_000;
  private long lastUpdateAt = System.currentTimeMillis();
  private long idleTimer = -1;
  private boolean started;
  private Future<Void> commonRecovery;

  /** A machine for one session; {@link #start()} loads the state. Must be created on the context it runs on. */
  public UpdateStateMachine(Vertx vertx, UpdatesEnv env, StateStore store) {
    this.ctx = vertx.getOrCreateContext();
    this.env = env;
    this.store = store;
    this.saver = new StateSaver(ctx, store, this::state);
    this.differences = new Differences(this, env);
    this.polls = new ChannelPolls(vertx);
  }

  /** Changes the gap wait (default 500 ms) and the idle time before a getDifference (default 15 min). */
  public UpdateStateMachine timeouts(long gapWaitMs, long idleMs) {
    this.gapWaitMs = gapWaitMs;
    this.idleMs = idleMs;
    return this;
  }

  /**
   * Loads the saved state: none → updates.getState (and nothing else); saved → one getDifference from it. Updates
   * handed in before this completes are processed afterwards.
   */
  public Future<Void> start() {
    return store.loadCommon().compose(common -> store.loadChannels().compose(saved -> {
      saved.forEach((id, p) -> channels.put(id, new SequenceBox(id, p)));
      if (common == null) {
        return env.call(new JsonObject().put("_", "updates.getState")).map(st -> {
          setCommon(st);
          return null;
        });
      }
      setCommon(common);
      return recoverCommon();
    })).onSuccess(v -> {
      started = true;
      armIdle(idleMs);
      List<Runnable> queued = new ArrayList<>(early);
      early.clear();
      queued.forEach(Runnable::run);
    });
  }

  /** Stops the timers and saves the state. */
  public Future<Void> stop() {
    started = false;
    ctx.owner().cancelTimer(idleTimer);
    cancelGap(pts);
    cancelGap(qts);
    cancelGap(seq);
    channels.values().forEach(this::cancelGap);
    polls.cancelAll();
    return saver.flush();
  }

  /**
   * Polls {@code channelId}'s difference now and then every {@code timeout} seconds the server gives, as a client
   * viewing the channel does: pushes of a channel may be missing (core.telegram.org/api/updates, subscribing to
   * channels), and a gap would otherwise only show with the next push. The channel's pts comes from
   * channels.getFullChannel when no update of it was seen yet. Following lasts until {@link #unfollow} or stop.
   */
  public Future<Void> follow(long channelId) {
    if (!polls.add(channelId)) {
      return Future.succeededFuture();
    }
    SequenceBox box = channel(channelId);
    Future<Void> known = box.state != null ? Future.succeededFuture() : differences.channelPts(channelId).map(p -> {
      if (box.state == null) {
        box.state = p;
        changed(box);
      }
      return null;
    });
    return known.onSuccess(v -> recoverChannel(box)).onFailure(e -> polls.remove(channelId));
  }

  /** Stops polling {@code channelId}. */
  public void unfollow(long channelId) {
    polls.remove(channelId);
  }

  /** Completes when the state as of now is durable. */
  public Future<Void> flush() {
    return saver.flush();
  }

  /** The common state now: {@code {pts, qts, seq, date}}. */
  public JsonObject state() {
    return new JsonObject().put("pts", pts.state).put("qts", qts.state).put("seq", seq.state).put("date", date);
  }

  /** A channel's local pts, or null when unknown. */
  public Integer channelPts(long channelId) {
    SequenceBox box = channels.get(channelId);
    return box == null ? null : box.state;
  }

  /** The server session changed (new_session_created): updates may have been missed. */
  public void onSessionReset() {
    if (started) {
      recoverCommon();
    }
  }

  /** Any {@code Updates} object pushed by the server (or a bare Update). */
  public void handle(JsonObject u) {
    if (!started) {
      early.add(() -> handle(u));
      return;
    }
    lastUpdateAt = System.currentTimeMillis();
    switch (u.getString("_", "")) {
      case "updatesTooLong" -> recoverCommon();
      case "updateShortMessage" -> processUpdate(ShortUpdates.privateMessage(u, env.selfId()));
      case "updateShortChatMessage" -> processUpdate(ShortUpdates.chatMessage(u));
      case "updateShortSentMessage" -> handleResult(null, u);
      case "updateShort" -> {
        processUpdate(u.getJsonObject("update"));
        date = Math.max(date, u.getInteger("date", 0));
      }
      case "updates", "updatesCombined" -> processContainer(u);
      default -> processUpdate(u);
    }
  }

  /**
   * The result of an RPC: Updates objects go through {@link #handle}; updateShortSentMessage is expanded with the
   * {@code request} (a null request only advances pts); messages.affected* results advance pts.
   */
  public void handleResult(JsonObject request, JsonObject result) {
    if (!started) {
      early.add(() -> handleResult(request, result));
      return;
    }
    String type = result.getString("_", "");
    if (type.equals("updateShortSentMessage")) {
      JsonObject full = ShortUpdates.sentMessage(result, request, env.selfId());
      int p = result.getInteger("pts");
      offer(pts, new SequenceBox.Item(p - result.getInteger("pts_count", 0), p, () -> {
        if (full != null) {
          env.deliver(full);
        }
      }));
    } else if (type.startsWith("messages.affected") && result.containsKey("pts")) {
      int p = result.getInteger("pts");
      offer(pts, new SequenceBox.Item(p - result.getInteger("pts_count", 0), p, () -> { }));
    } else if (type.startsWith("update")) {
      handle(result);
    }
  }

  private void processContainer(JsonObject c) {
    env.entities(c);
    List<JsonObject> rest = new ArrayList<>();
    for (Object o : c.getJsonArray("updates", new JsonArray())) {
      JsonObject upd = (JsonObject) o;
      if (upd.containsKey("pts") || upd.containsKey("qts") || upd.getString("_").equals("updateChannelTooLong")) {
        processUpdate(upd);
      } else {
        rest.add(upd);
      }
    }
    int end = c.getInteger("seq", 0);
    int start = c.getInteger("seq_start", end);
    int when = c.getInteger("date", 0);
    Runnable apply = () -> {
      rest.forEach(env::deliver);
      date = Math.max(date, when);
    };
    if (start == 0) {
      apply.run();
    } else {
      offer(seq, new SequenceBox.Item(start - 1, end, apply));
    }
  }

  /** One full update: by its qts, its channel's pts, the common pts, or delivered at once. */
  void processUpdate(JsonObject u) {
    if (u.getString("_", "").equals("updateChannelTooLong")) {
      SequenceBox box = channel(u.getLong("channel_id"));
      if (box.state == null) {
        box.state = u.getInteger("pts", 1);
      }
      recoverChannel(box);
    } else if (u.getInteger("qts", 0) > 0) {
      int q = u.getInteger("qts");
      offer(qts, new SequenceBox.Item(q - 1, q, () -> env.deliver(u)));
    } else if (u.containsKey("pts")) {
      int p = u.getInteger("pts");
      long ch = channelOf(u);
      offer(ch == 0 ? pts : channel(ch), new SequenceBox.Item(p - u.getInteger("pts_count", 0), p, () -> env.deliver(u)));
    } else {
      env.deliver(u);
    }
  }

  private static long channelOf(JsonObject u) {
    if (u.containsKey("channel_id")) {
      return u.getLong("channel_id");
    }
    JsonObject msg = u.getJsonObject("message");
    JsonObject peer = msg == null ? null : msg.getJsonObject("peer_id");
    return peer != null && "peerChannel".equals(peer.getString("_")) ? peer.getLong("channel_id") : 0;
  }

  SequenceBox channel(long id) {
    return channels.computeIfAbsent(id, k -> new SequenceBox(k, null));
  }

  private void offer(SequenceBox box, SequenceBox.Item item) {
    if (box.recovering) {
      box.hold(item);
      return;
    }
    if (box.state == null) {
      box.state = item.start();
    }
    if (item.start() < box.state) {
      return;
    }
    if (item.start() > box.state) {
      box.hold(item);
      armGap(box, gapWaitMs);
      return;
    }
    item.apply().run();
    box.state = item.end();
    boolean gap = box.drain();
    changed(box);
    if (!gap) {
      cancelGap(box);
    }
  }

  /** Records that a box's value changed, after what it covers was delivered. */
  void changed(SequenceBox box) {
    if (box.channelId > 0) {
      saver.channel(box.channelId, box.state);
    } else {
      saver.common();
    }
  }

  private void armGap(SequenceBox box, long delay) {
    if (box.gapTimer != -1) {
      return;
    }
    box.gapTimer = ctx.owner().setTimer(delay, id -> {
      box.gapTimer = -1;
      if (box.hasHeld() && started) {
        if (box.channelId > 0) {
          recoverChannel(box);
        } else {
          recoverCommon();
        }
      }
    });
  }

  private void cancelGap(SequenceBox box) {
    if (box.gapTimer != -1) {
      ctx.owner().cancelTimer(box.gapTimer);
      box.gapTimer = -1;
    }
  }

  private void armIdle(long delay) {
    idleTimer = ctx.owner().setTimer(Math.max(1, delay), id -> {
      if (!started) {
        return;
      }
      long quiet = System.currentTimeMillis() - lastUpdateAt;
      if (quiet >= idleMs) {
        lastUpdateAt = System.currentTimeMillis();
        recoverCommon();
        armIdle(idleMs);
      } else {
        armIdle(idleMs - quiet);
      }
    });
  }

  /** getDifference until done; one at a time: a second call joins the running one. */
  Future<Void> recoverCommon() {
    if (commonRecovery != null) {
      return commonRecovery;
    }
    Set<SequenceBox> boxes = new LinkedHashSet<>(List.of(pts, qts, seq));
    boxes.forEach(b -> {
      b.recovering = true;
      cancelGap(b);
    });
    commonRecovery = differences.common(pts.state, qts.state, date).andThen(ar -> {
      commonRecovery = null;
      boxes.forEach(b -> afterRecovery(b, ar.failed()));
      if (ar.failed()) {
        LOG.warn("getDifference failed, retrying on the next gap", ar.cause());
      }
    });
    return commonRecovery;
  }

  private void recoverChannel(SequenceBox box) {
    if (box.recovering) {
      return;
    }
    box.recovering = true;
    cancelGap(box);
    differences.channel(box).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("getChannelDifference failed for channel {}", box.channelId, ar.cause());
      }
      afterRecovery(box, ar.failed());
      Integer timeout = ar.succeeded() ? ar.result() : null;
      // the next poll of a followed channel (a recovery started meanwhile re-arms it when done)
      polls.arm(box.channelId, timeout == null ? DEFAULT_POLL_SECONDS : timeout, () -> {
        if (started) {
          recoverChannel(box);
        }
      });
    });
  }

  private void afterRecovery(SequenceBox box, boolean failed) {
    box.recovering = false;
    if (failed) {
      if (box.hasHeld()) {
        armGap(box, RETRY_MS);
      }
      return;
    }
    box.takeHeld().forEach(item -> offer(box, item));
  }

  /** Sets the common state from an updates.state (or a saved one). */
  void setCommon(JsonObject st) {
    pts.state = st.getInteger("pts", 0);
    qts.state = st.getInteger("qts", 0);
    seq.state = st.getInteger("seq", 0);
    date = st.getInteger("date", 0);
    changed(pts);
  }

  /** Sets date and seq (differenceEmpty). */
  void setDateSeq(int newDate, int newSeq) {
    date = newDate;
    seq.state = newSeq;
    changed(seq);
  }
}
