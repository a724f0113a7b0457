package dev.vertigram.storage.impl;

import dev.vertigram.storage.SessionLockedException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session folder (0700) held with an exclusive lock on {@code session.lock}, into which the owner writes who it
 * is, and the versioned {@code store.json} that tells which backend holds the session's data. The lock is taken and
 * every file is touched off the event loop. Leftover temp files of a crash are deleted once the lock is held.
 */
public final class SessionFolder {

  /** Version of the folder layout and of {@code store.json}. */
  public static final int FORMAT = 1;
  static final String LOCK = "session.lock";
  static final String META = "store.json";

  /**
   * Sessions locked by this JVM (by real path). A second open in this JVM is refused from here, without opening the
   * lock file again: closing any channel on that file would release this process's POSIX lock on it.
   */
  private static final Map<Path, SessionLockedException.Owner> HELD = new ConcurrentHashMap<>();

  private final Vertx vertx;
  private final Path dir;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private SessionFolder(Vertx vertx, Path dir, Path key, FileChannel channel, FileLock lock) {
    this.vertx = vertx;
    this.dir = dir;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks {@code dir}; fails with {@link SessionLockedException} when another owner holds it. */
  public static Future<SessionFolder> lock(Vertx vertx, Path dir) {
    return vertx.executeBlocking(() -> lockBlocking(vertx, dir.toAbsolutePath().normalize()), false);
  }

  private static SessionFolder lockBlocking(Vertx vertx, Path dir) throws IOException {
    AtomicFiles.ownerOnlyFolder(dir);
    Path key = dir.toRealPath();
    SessionLockedException.Owner me = new SessionLockedException.Owner(ProcessHandle.current().pid(), hostName(),
      System.currentTimeMillis(), dir.toString());
    SessionLockedException.Owner holder = HELD.putIfAbsent(key, me);
    if (holder != null) {
      throw new SessionLockedException(holder);
    }
    try {
      return lockFile(vertx, dir, key, me);
    } catch (IOException | RuntimeException e) {
      HELD.remove(key, me);
      throw e;
    }
  }

  private static SessionFolder lockFile(Vertx vertx, Path dir, Path key, SessionLockedException.Owner me)
    throws IOException {
    FileChannel ch = AtomicFiles.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
      StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException | IOException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      SessionLockedException.Owner owner = readOwner(ch, dir.toString());
      ch.close();
      throw new SessionLockedException(owner);
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(me.toJson().encode().getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(true);
    deleteTempFiles(dir);
    return new SessionFolder(vertx, dir, key, ch, lock);
  }

  private static SessionLockedException.Owner readOwner(FileChannel ch, String folder) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
    ch.read(buf, 0);
    try {
      return SessionLockedException.Owner.fromJson(new JsonObject(Buffer.buffer(buf.array())), folder);
    } catch (DecodeException | ClassCastException stillWriting) {
      return new SessionLockedException.Owner(-1, null, 0, folder);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return null;
    }
  }

  private static void deleteTempFiles(Path dir) throws IOException {
    try (DirectoryStream<Path> tmp = Files.newDirectoryStream(dir, "*" + AtomicFiles.TMP)) {
      for (Path p : tmp) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** The content of {@code store.json}, or null when the session is new. */
  public Future<JsonObject> readMeta() {
    return vertx.executeBlocking(() -> {
      Path meta = dir.resolve(META);
      if (!Files.exists(meta)) {
        return null;
      }
      JsonObject json = new JsonObject(Buffer.buffer(Files.readAllBytes(meta)));
      int format = json.getInteger("format", 0);
      if (format > FORMAT) {
        throw new IOException(meta + " has format " + format + "; this version reads up to " + FORMAT);
      }
      return json;
    }, false);
  }

  /** Replaces {@code store.json} atomically with {@code meta} plus the format version. */
  public Future<Void> writeMeta(JsonObject meta) {
    byte[] bytes = meta.copy().put("format", FORMAT).encodePrettily().getBytes(StandardCharsets.UTF_8);
    return vertx.executeBlocking(() -> {
      AtomicFiles.write(dir.resolve(META), out -> out.write(bytes));
      return null;
    }, false);
  }

  /** Releases the lock (the lock file stays). */
  public Future<Void> unlock() {
    return vertx.executeBlocking(() -> {
      try (FileChannel ch = channel) {
        lock.release();
      } finally {
        HELD.remove(key);
      }
      return null;
    }, false);
  }
}
