package dev.vertigram.mtproto;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.tl.TlCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drives an {@link MtSession} by hand: it is the session's scheduler (ticks and timers run when the test says), its
 * listener (records what the session writes and reports) and the server (decrypts what the client sent, encrypts
 * scripted answers).
 */
final class ScriptedPeer implements Scheduler, SessionListener {

  static final TlCodec CODEC = TlCodec.api();
  static final long SALT = 0x1122334455667788L;

  final SecureRandom random = new SecureRandom();
  final AuthKey key;
  final MtSession session;
  final List<Buffer> written = new ArrayList<>();
  final List<JsonObject> updates = new ArrayList<>();
  final List<String> gaps = new ArrayList<>();
  final List<Throwable> fatal = new ArrayList<>();
  final List<Buffer> savedSalts = new ArrayList<>();
  private final ArrayDeque<Runnable> soon = new ArrayDeque<>();
  private final Map<Long, Runnable> timers = new TreeMap<>();
  private long nextTimer = 1;
  final MessageIdClock serverClock = new MessageIdClock();

  ScriptedPeer(Buffer initPrefix) {
    byte[] k = new byte[256];
    random.nextBytes(k);
    key = new AuthKey(k);
    MessageIdClock clock = new MessageIdClock();
    session = new MtSession(key, SALT, clock, true, CODEC, new MtSession.Settings(60, 75, 1000, initPrefix), this,
        this, random);
  }

  /** A started session with the startup traffic (ping, get_future_salts) already consumed. */
  static ScriptedPeer attached() {
    ScriptedPeer peer = new ScriptedPeer(null);
    peer.session.attach();
    peer.tick();
    peer.written.clear();
    return peer;
  }

  // ---- Scheduler ----

  @Override
  public void runSoon(Runnable task) {
    soon.add(task);
  }

  @Override
  public long setTimer(long delayMillis, Runnable task) {
    timers.put(nextTimer, task);
    return nextTimer++;
  }

  @Override
  public void cancel(long timerId) {
    timers.remove(timerId);
  }

  /** Runs everything deferred to the end of the tick. */
  void tick() {
    for (Runnable r; (r = soon.poll()) != null; ) {
      r.run();
    }
  }

  /** Fires every pending timer, then ticks. */
  void fireTimers() {
    List<Runnable> due = new ArrayList<>(timers.values());
    timers.clear();
    due.forEach(Runnable::run);
    tick();
  }

  // ---- SessionListener ----

  @Override
  public void write(Buffer payload) {
    written.add(payload);
  }

  @Override
  public void onUpdate(JsonObject update) {
    updates.add(update);
  }

  @Override
  public void onUpdatesGap(String reason) {
    gaps.add(reason);
  }

  @Override
  public void onFatal(Throwable cause) {
    fatal.add(cause);
  }

  @Override
  public void onServerSalts(Buffer saved) {
    savedSalts.add(saved);
  }

  // ---- server side ----

  /** Decrypts a written packet. */
  EncryptedMessage.Envelope open(Buffer frame) {
    return EncryptedMessage.decrypt(key, EncryptedMessage.CLIENT_TO_SERVER, frame);
  }

  /** The messages of a written packet (the container's contents, or the lone message). */
  List<MtMessage> messages(Buffer frame) {
    MtMessage m = open(frame).message();
    return MsgContainer.isContainer(m.body()) ? MsgContainer.unpack(m.body(), m.msgId()) : List.of(m);
  }

  /** All messages written so far, containers opened, then forgets them. */
  List<MtMessage> takeMessages() {
    List<MtMessage> all = new ArrayList<>();
    written.forEach(f -> all.addAll(messages(f)));
    written.clear();
    return all;
  }

  /** Messages with the given constructor among the written ones. */
  static List<MtMessage> withConstructor(List<MtMessage> messages, int constructor) {
    return messages.stream().filter(m -> m.constructorId() == constructor).toList();
  }

  /** Sends a server message to the session (content-related when {@code content}). */
  void deliver(Buffer body, boolean content) {
    deliver(serverClock.next(content ? 1 : 3), content ? 1 : 2, body);
  }

  void deliver(long msgId, int seqno, Buffer body) {
    MtMessage m = new MtMessage(msgId, seqno, body);
    session.onFrame(EncryptedMessage.encrypt(key, EncryptedMessage.SERVER_TO_CLIENT, SALT, session.sessionId(), m,
        random));
  }

  static Buffer rpcResult(long reqMsgId, Buffer result) {
    return Buffer.buffer().appendIntLE(ServiceMessages.RPC_RESULT).appendLongLE(reqMsgId).appendBuffer(result);
  }

  static Buffer nearestDc(int dc) {
    return CODEC.encode(new JsonObject().put("_", "nearestDc").put("country", "ZZ").put("this_dc", dc)
        .put("nearest_dc", dc));
  }

  static Buffer rpcError(int code, String message) {
    return CODEC.encode(new JsonObject().put("_", "rpc_error").put("error_code", code).put("error_message", message));
  }

  static Buffer encode(JsonObject json) {
    return CODEC.encode(json);
  }

  /** A call of help.getNearestDc recording its outcome. */
  static final class Call implements QueryHandler {
    static final Buffer BODY = CODEC.encode(new JsonObject().put("_", "help.getNearestDc"));
    final Query query;
    JsonObject result;
    String error;
    Throwable failure;
    int outcomes;

    Call(Buffer body, String queueId) {
      query = Query.call(body, "help.getNearestDc", queueId, this);
    }

    Call() {
      this(BODY, null);
    }

    @Override
    public void onResult(JsonObject r) {
      result = r;
      outcomes++;
    }

    @Override
    public void onRpcError(int code, String message) {
      error = code + " " + message;
      outcomes++;
    }

    @Override
    public void onFailure(Throwable cause) {
      failure = cause;
      outcomes++;
    }
  }
}
