package dev.vertigram.bench;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StoreOptions;
import dev.vertigram.storage.StoreTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static dev.vertigram.storage.StoreTestSupport.await;

/**
 * Peer upserts/s and lookups/s of each store, 1000 operations in flight per invocation (as the peer layer issues
 * them for a big result). The Postgres and Redis stores run against the local servers with a read cache of 20k
 * entries: {@code lookup} reads random keys among 200k peers (mostly cache misses), {@code lookupHot} among 10k
 * (cache hits).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StorePeerBenchmark {

  private static final int BATCH = 1000;
  private static final int PEERS = 200_000;

  @Param({"memory", "postgres", "redis"})
  public String type;

  private Vertx vertx;
  private Path dir;
  private String run;
  private Store store;
  private LongMap peers;
  private final SplittableRandom rnd = new SplittableRandom(1);
  private long next;

  static Buffer peer(long id) {
    Buffer b = Buffer.buffer(48).appendLong(id).appendLong(id * 0x9E3779B97F4A7C15L).appendInt(0x2001);
    for (int i = b.length(); i < 48; i++) {
      b.appendByte((byte) ('a' + i % 26));
    }
    return b;
  }

  @Setup(Level.Trial)
  public void setup() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("vg-bench");
    run = StoreTestSupport.unique("bench");
    StoreOptions options = StoreTestSupport.options(StoreOptions.Type.valueOf(type.toUpperCase()), dir, run)
      .setCacheMaxEntries(20_000);
    store = await(Store.open(vertx, options));
    peers = store.longMap(Db.PEERS);
    for (long id = 0; id < PEERS; id += BATCH) {
      List<Future<Void>> puts = new ArrayList<>(BATCH);
      for (long i = id; i < id + BATCH; i++) {
        puts.add(peers.put(i, peer(i)));
      }
      await(Future.all(puts));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    await(store.close());
    StoreTestSupport.cleanUp(vertx, List.of(run));
    await(vertx.close());
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void upsert() {
    List<Future<Void>> puts = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      long id = next++ % PEERS;
      puts.add(peers.put(id, peer(id)));
    }
    await(Future.all(puts));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object lookup() {
    return lookups(PEERS);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object lookupHot() {
    return lookups(10_000);
  }

  private Object lookups(int among) {
    List<Future<Buffer>> gets = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      gets.add(peers.get(rnd.nextInt(among)));
    }
    return await(Future.all(gets));
  }
}
