package dev.vertigram.storage.impl.memory;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.StoreHealth;
import dev.vertigram.storage.StringMap;
import dev.vertigram.storage.impl.AtomicFiles;
import dev.vertigram.storage.impl.Coalescer;
import dev.vertigram.storage.impl.HealthTracker;
import dev.vertigram.storage.impl.Hop;
import dev.vertigram.storage.impl.RawEntry;
import dev.vertigram.storage.impl.StoreEngine;
import io.vertx.core.Context;
import io.vertx.core.Future;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The memory store: every database in RAM. Immediate databases ({@link Db#immediate()}) are written to
 * {@code critical.bin} before their writes complete (coalesced: one fsynced write serves every change made while
 * the previous one ran); the others go to {@code state.bin} every save interval, on {@link #flush()} and on
 * {@link #close()}. Both files are replaced atomically (see {@link AtomicFiles}) by worker threads, never on the
 * event loop, and use {@link SnapshotFile}'s format.
 */
public final class MemoryEngine implements StoreEngine {

  static final String STATE = "state.bin";
  static final String CRITICAL = "critical.bin";
  static final String MIGRATED = ".migrated";
  private static final int PAGE = 4096;

  private final Context ctx;
  private final Path dir;
  private final LongBytesMap[] longs = new LongBytesMap[Db.values().length];
  private final List<ConcurrentHashMap<String, byte[]>> strings = new ArrayList<>();
  private final AtomicLong changes = new AtomicLong();
  private final Coalescer critical;
  private final Coalescer state;
  private final HealthTracker health;
  private volatile long savedChanges;
  private volatile boolean closed;
  private boolean migrated;
  private long timer = -1;

  private MemoryEngine(Context ctx, Path dir, String session) {
    this.ctx = ctx;
    this.dir = dir;
    for (Db db : Db.values()) {
      longs[db.ordinal()] = db.longKeys() ? new LongBytesMap() : null;
      strings.add(db.longKeys() ? null : new ConcurrentHashMap<>());
    }
    this.critical = new Coalescer(ctx, 0, () -> save(CRITICAL, true, changes.get()));
    this.state = new Coalescer(ctx, 0, () -> save(STATE, false, changes.get()));
    this.health = new HealthTracker(ctx.owner(), session, name(), this::unsaved);
  }

  /** Loads the session's files from {@code dir} and starts saving every {@code saveIntervalMs}, on {@code ctx}. */
  public static Future<MemoryEngine> open(Context ctx, Path dir, String session, long saveIntervalMs) {
    MemoryEngine engine = new MemoryEngine(ctx, dir, session);
    return Hop.on(ctx, () -> ctx.executeBlocking(engine::load, false).map(v -> {
      engine.timer = ctx.owner().setPeriodic(saveIntervalMs, t -> engine.periodicSave());
      return engine;
    }));
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public LongMap longMap(Db db) {
    return new MemLongMap(this, db, longs[db.ordinal()]);
  }

  @Override
  public StringMap stringMap(Db db) {
    return new MemStringMap(this, db, strings.get(db.ordinal()));
  }

  /** Called after every change of {@code db}: completes once the change is as durable as {@code db} requires. */
  Future<Void> changed(Db db) {
    if (db.immediate()) {
      return critical.request();
    }
    changes.incrementAndGet();
    return Future.succeededFuture();
  }

  /** A failed future once closed, else null. */
  Future<Void> closedFailure() {
    return closed ? Future.failedFuture(new IllegalStateException("store closed")) : null;
  }

  @Override
  public Future<Void> scan(Db db, Function<List<RawEntry>, Future<Void>> pages) {
    return Hop.on(ctx, () -> ctx.executeBlocking(() -> snapshot(db), false).compose(s -> scanFrom(s, 0, pages)));
  }

  private Future<Void> scanFrom(DbSnapshot s, int slot, Function<List<RawEntry>, Future<Void>> pages) {
    List<RawEntry> page = new ArrayList<>(Math.min(PAGE, s.size));
    int i = slot;
    for (; i < s.slots() && page.size() < PAGE; i++) {
      if (s.values[i] != null) {
        page.add(s.entry(i));
      }
    }
    if (page.isEmpty()) {
      return Future.succeededFuture();
    }
    int next = i;
    return Hop.guarded(() -> pages.apply(page)).compose(v -> Hop.on(ctx, () -> scanFrom(s, next, pages)));
  }

  @Override
  public Future<Void> write(Db db, List<RawEntry> entries) {
    for (RawEntry e : entries) {
      put(db, e.id(), e.name(), e.value());
    }
    return changed(db);
  }

  @Override
  public Future<Void> clear(Set<Db> dbs) {
    List<Future<Void>> done = new ArrayList<>();
    for (Db db : dbs) {
      if (db.longKeys()) {
        longs[db.ordinal()].clear();
      } else {
        strings.get(db.ordinal()).clear();
      }
      done.add(changed(db));
    }
    return Future.all(done).mapEmpty();
  }

  @Override
  public Future<Void> mark(String migratedTo) {
    if (migratedTo == null) {
      return Future.succeededFuture();
    }
    return Hop.on(ctx, () -> {
      migrated = true;
      ctx.owner().cancelTimer(timer);
      return ctx.executeBlocking(() -> {
        for (String file : List.of(STATE, CRITICAL)) {
          if (Files.exists(dir.resolve(file))) {
            Files.move(dir.resolve(file), dir.resolve(file + MIGRATED), StandardCopyOption.REPLACE_EXISTING);
          }
        }
        AtomicFiles.syncFolder(dir);
        return null;
      }, false);
    });
  }

  @Override
  public Future<Void> flush() {
    Future<Void> failure = closedFailure();
    return failure != null ? failure : Future.all(critical.request(), state.request()).mapEmpty();
  }

  @Override
  public StoreHealth health() {
    return health.snapshot();
  }

  @Override
  public Future<Void> close() {
    return Hop.on(ctx, () -> {
      if (closed) {
        return Future.succeededFuture();
      }
      Future<Void> last = flush();
      closed = true;
      ctx.owner().cancelTimer(timer);
      return last;
    });
  }

  private void periodicSave() {
    if (changes.get() != savedChanges) {
      state.request();
    }
  }

  private int unsaved() {
    return (int) Math.min(Integer.MAX_VALUE, changes.get() - savedChanges);
  }

  private Future<Void> save(String file, boolean immediate, long mark) {
    if (migrated || (!immediate && mark == savedChanges)) {
      return Future.succeededFuture();
    }
    return ctx.<Void>executeBlocking(() -> {
      List<DbSnapshot> dbs = Arrays.stream(Db.values()).filter(db -> db.immediate() == immediate)
        .map(this::snapshot).toList();
      AtomicFiles.write(dir.resolve(file), out -> SnapshotFile.write(out, dbs));
      return null;
    }, false).onSuccess(v -> {
      if (!immediate) {
        savedChanges = mark;
      }
      health.ok();
    }).onFailure(e -> health.failed("saving " + file, e));
  }

  private DbSnapshot snapshot(Db db) {
    return db.longKeys() ? DbSnapshot.of(db, longs[db.ordinal()]) : DbSnapshot.of(db, strings.get(db.ordinal()));
  }

  private Void load() throws IOException {
    for (String file : List.of(CRITICAL, STATE)) {
      Path path = dir.resolve(file);
      if (Files.exists(path)) {
        SnapshotFile.read(Files.readAllBytes(path), path.toString(), this::put);
      }
    }
    return null;
  }

  private void put(Db db, long id, String name, byte[] value) {
    if (db.longKeys()) {
      longs[db.ordinal()].put(id, value);
    } else {
      strings.get(db.ordinal()).put(name, value);
    }
  }
}
