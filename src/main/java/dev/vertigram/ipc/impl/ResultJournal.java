package dev.vertigram.ipc.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The owner's answers to forwarded calls, kept in {@code ipc-results.jsonl} in the session folder so that the next
 * owner (after this process dies, even by kill -9) answers a replayed request id with the recorded reply instead of
 * running the call again. One JSON line per answer ({@code {"c": client, "i": id, "r": reply frame}}) or per
 * acknowledgement ({@code {"c": client, "a": [ids]}}: those are forgotten). Lines are appended off the event loop, in
 * order, one write per batch (no fsync: what a killed process wrote survives, a machine crash may lose the tail). The
 * file is compacted to the live answers when opened and whenever it grows past {@link #COMPACT_BYTES}. Bounded like
 * the memory of request ids: the oldest answers are forgotten first. Thread-safe.
 */
public final class ResultJournal {

  /** The journal's file name. */
  public static final String FILE = "ipc-results.jsonl";
  static final long COMPACT_BYTES = 16L << 20;
  private static final Logger LOG = LoggerFactory.getLogger(ResultJournal.class);

  private record Key(String client, long id) {
  }

  private final Vertx vertx;
  private final Path file;
  private final Map<Key, JsonObject> live;
  private final Queue<JsonObject> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushing = new AtomicBoolean();
  private FileChannel channel;
  private long appended;
  private volatile boolean closed;

  private ResultJournal(Vertx vertx, Path file, int capacity) {
    this.vertx = vertx;
    this.file = file;
    this.live = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, JsonObject> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Opens (creating, or reading and compacting) the journal of the session in {@code folder}. */
  public static Future<ResultJournal> open(Vertx vertx, Path folder, int capacity) {
    ResultJournal journal = new ResultJournal(vertx, folder.resolve(FILE), capacity);
    return vertx.executeBlocking(() -> {
      journal.load();
      journal.compact();
      return journal;
    }, false);
  }

  /** The reply recorded for request {@code id} of {@code client}, or null. */
  public JsonObject reply(String client, long id) {
    synchronized (live) {
      return live.get(new Key(client, id));
    }
  }

  /** Records the reply frame of request {@code id} of {@code client} (written soon, in order). */
  public void record(String client, long id, JsonObject reply) {
    synchronized (live) {
      live.put(new Key(client, id), reply);
    }
    append(new JsonObject().put("c", client).put("i", id).put("r", reply));
  }

  /** Forgets the replies of requests whose answer {@code client} acknowledged. */
  public void forget(String client, long[] ids, int count) {
    JsonArray acked = new JsonArray();
    synchronized (live) {
      for (int i = 0; i < count; i++) {
        if (live.remove(new Key(client, ids[i])) != null) {
          acked.add(ids[i]);
        }
      }
    }
    if (!acked.isEmpty()) {
      append(new JsonObject().put("c", client).put("a", acked));
    }
  }

  /** How many replies are kept. */
  public int size() {
    synchronized (live) {
      return live.size();
    }
  }

  /** Writes what is queued and closes the file. */
  public Future<Void> close() {
    closed = true;
    return vertx.executeBlocking(() -> {
      synchronized (this) {
        drain();
        channel.close();
      }
      return null;
    }, false);
  }

  private void append(JsonObject line) {
    pending.add(line);
    if (!closed && flushing.compareAndSet(false, true)) {
      vertx.executeBlocking(() -> {
        flush();
        return null;
      }, false).onFailure(e -> LOG.warn("IPC: cannot write {}: {}", file, e.toString()));
    }
  }

  /** Drains the queue; a line queued while the flag is being cleared starts another flush. */
  private void flush() throws IOException {
    do {
      synchronized (this) {
        if (!channel.isOpen()) {
          return;
        }
        drain();
        if (appended > COMPACT_BYTES) {
          compact();
        }
      }
      flushing.set(false);
    } while (!pending.isEmpty() && !closed && flushing.compareAndSet(false, true));
  }

  private void drain() throws IOException {
    StringBuilder batch = new StringBuilder();
    for (JsonObject line = pending.poll(); line != null; line = pending.poll()) {
      batch.append(line.encode()).append('\n');
    }
    if (batch.length() > 0) {
      ByteBuffer bytes = ByteBuffer.wrap(batch.toString().getBytes(StandardCharsets.UTF_8));
      appended += bytes.remaining();
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
  }

  private void load() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String text : lines) {
      try {
        JsonObject line = new JsonObject(text);
        String client = line.getString("c");
        JsonArray acked = line.getJsonArray("a");
        if (acked != null) {
          acked.forEach(id -> live.remove(new Key(client, ((Number) id).longValue())));
        } else {
          live.put(new Key(client, line.getLong("i")), line.getJsonObject("r"));
        }
      } catch (RuntimeException torn) {
        LOG.warn("IPC: skipping a damaged line of {}: {}", file, torn.toString());
      }
    }
  }

  /** Rewrites the file with the live replies only and appends from there. */
  private void compact() throws IOException {
    StringBuilder text = new StringBuilder();
    synchronized (live) {
      live.forEach((k, reply) -> text.append(new JsonObject().put("c", k.client()).put("i", k.id()).put("r", reply)
          .encode()).append('\n'));
    }
    if (channel != null) {
      channel.close();
    }
    EndpointFile.writePrivate(file, text.toString());
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    appended = 0;
  }
}
