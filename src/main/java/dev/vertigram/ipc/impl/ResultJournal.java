package dev.vertigram.ipc.impl;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The owner's replies to forwarded calls, kept in {@code ipc-results.bin} in the session folder so that the next
 * owner (after this process dies, even by kill -9) answers a replayed request id with the recorded reply instead of
 * running the call again. Records: {@code client length (int), client (UTF-8), request id (long), reply length (int),
 * reply frame body} — a reply length of -1 marks an acknowledgement (the forwarder got the reply: forgotten). The
 * replies are the frame bodies the owner sends (encoded once). Records are appended off the event loop, in order,
 * one write per batch (no fsync: what a killed process wrote survives, a machine crash may lose the tail, and a torn
 * last record is dropped on reading). The file is compacted to the live replies when opened and whenever it grows past
 * {@link #COMPACT_BYTES}. Bounded like the memory of request ids: the oldest replies are forgotten first.
 * Thread-safe.
 */
public final class ResultJournal {

  /** The journal's file name. */
  public static final String FILE = "ipc-results.bin";
  static final long COMPACT_BYTES = 16L << 20;
  private static final Logger LOG = LoggerFactory.getLogger(ResultJournal.class);

  private record Key(String client, long id) {
  }

  /** A record to append: a reply, or an acknowledgement when {@code reply} is null. */
  private record Entry(Key key, Buffer reply) {
  }

  private final Vertx vertx;
  private final Path file;
  private final Map<Key, Buffer> live;
  private final Queue<Entry> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushing = new AtomicBoolean();
  private FileChannel channel;
  private long appended;
  private volatile boolean closed;

  private ResultJournal(Vertx vertx, Path file, int capacity) {
    this.vertx = vertx;
    this.file = file;
    this.live = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Buffer> eldest) {
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

  /** The reply frame body recorded for request {@code id} of {@code client}, or null. */
  public Buffer reply(String client, long id) {
    synchronized (live) {
      return live.get(new Key(client, id));
    }
  }

  /** Records the reply frame body of request {@code id} of {@code client} (written soon, in order). */
  public void record(String client, long id, Buffer reply) {
    Key key = new Key(client, id);
    synchronized (live) {
      live.put(key, reply);
    }
    append(new Entry(key, reply));
  }

  /** Forgets the replies of requests whose answer {@code client} acknowledged. */
  public void forget(String client, long[] ids, int count) {
    for (int i = 0; i < count; i++) {
      Key key = new Key(client, ids[i]);
      Buffer known;
      synchronized (live) {
        known = live.remove(key);
      }
      if (known != null) {
        append(new Entry(key, null));
      }
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

  private void append(Entry entry) {
    pending.add(entry);
    if (!closed && flushing.compareAndSet(false, true)) {
      vertx.executeBlocking(() -> {
        flush();
        return null;
      }, false).onFailure(e -> LOG.warn("IPC: cannot write {}: {}", file, e.toString()));
    }
  }

  /** Drains the queue; a record queued while the flag is being cleared starts another flush. */
  private void flush() throws IOException {
    do {
      try {
        synchronized (this) {
          if (!channel.isOpen()) {
            return;
          }
          drain();
          if (appended > COMPACT_BYTES) {
            compact();
          }
        }
      } finally {
        flushing.set(false); // a failed write must not stop the later ones
      }
    } while (!pending.isEmpty() && !closed && flushing.compareAndSet(false, true));
  }

  private void drain() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    ByteBuf out = Unpooled.buffer(64 * 1024);
    for (Entry e = pending.poll(); e != null; e = pending.poll()) {
      write(out, e.key(), e.reply());
    }
    appended += out.readableBytes();
    writeFully(channel, out);
  }

  private static void write(ByteBuf out, Key key, Buffer reply) {
    byte[] client = key.client().getBytes(StandardCharsets.UTF_8);
    out.writeInt(client.length).writeBytes(client).writeLong(key.id());
    if (reply == null) {
      out.writeInt(-1);
    } else {
      ByteBuf body = ((BufferInternal) reply).getByteBuf();
      out.writeInt(body.readableBytes()).writeBytes(body, body.readerIndex(), body.readableBytes());
    }
  }

  private static void writeFully(FileChannel channel, ByteBuf out) throws IOException {
    ByteBuffer bytes = out.nioBuffer();
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  private void load() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    ByteBuf in = Unpooled.wrappedBuffer(Files.readAllBytes(file));
    while (in.readableBytes() >= 4) {
      int clientLength = in.readInt();
      if (clientLength < 0 || clientLength > 1024 || in.readableBytes() < clientLength + 12) {
        break;
      }
      String client = in.readCharSequence(clientLength, StandardCharsets.UTF_8).toString();
      Key key = new Key(client, in.readLong());
      int length = in.readInt();
      if (length < 0) {
        live.remove(key);
      } else if (in.readableBytes() >= length) {
        byte[] body = new byte[length];
        in.readBytes(body);
        live.put(key, Buffer.buffer(body));
      } else {
        break;
      }
    }
    if (in.isReadable()) {
      LOG.warn("IPC: dropped a torn record at the end of {}", file);
    }
  }

  /** Rewrites the file with the live replies only and appends from there. */
  private void compact() throws IOException {
    ByteBuf out = Unpooled.buffer(64 * 1024);
    synchronized (live) {
      live.forEach((k, reply) -> write(out, k, reply));
    }
    Path tmp = file.resolveSibling(FILE + ".tmp");
    Files.deleteIfExists(tmp);
    EndpointFile.createPrivate(tmp);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      writeFully(ch, out);
    }
    // closed only once the copy is written: a failed compaction keeps appending to the old file
    if (channel != null) {
      channel.close();
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    appended = 0;
  }
}
