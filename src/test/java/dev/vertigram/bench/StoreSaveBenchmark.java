package dev.vertigram.bench;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import static dev.vertigram.storage.StoreTestSupport.await;

/**
 * Save time of the memory store holding {@code peers} peers of 48 bytes (targets for 1M: under 2 s and a file
 * under 100 MB). Each invocation changes one peer and flushes: snapshot, serialization, fsync, rename. Besides
 * JMH's output, writes {@code bench/results/store-save-<time>.json} with the file size, the load time and every save.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class StoreSaveBenchmark {

  @Param({"1000000"})
  public int peers;

  private Vertx vertx;
  private Path dir;
  private Store store;
  private LongMap map;
  private long loadMillis;
  private final JsonArray saves = new JsonArray();

  private StoreOptions options() {
    return new StoreOptions().setSession("bench").setFolder(dir.resolve("s").toString());
  }

  @Setup(Level.Trial)
  public void setup() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("vg-save");
    Store filling = await(Store.open(vertx, options()));
    LongMap p = filling.longMap(Db.PEERS);
    for (long id = 0; id < peers; id++) {
      p.put(id - peers / 2, StorePeerBenchmark.peer(id));
    }
    await(filling.close());
    long start = System.nanoTime();
    store = await(Store.open(vertx, options()));
    loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    map = store.longMap(Db.PEERS);
  }

  @Benchmark
  public void save() {
    long start = System.nanoTime();
    map.put(saves.size(), StorePeerBenchmark.peer(saves.size()));
    await(store.flush());
    saves.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    long size = Files.size(dir.resolve("s/state.bin"));
    await(store.close());
    await(vertx.close());
    JsonObject result = new JsonObject().put("benchmark", "StoreSaveBenchmark").put("peers", peers)
      .put("valueBytes", 48).put("fileBytes", size).put("loadMillis", loadMillis).put("saveMillis", saves);
    Path out = Path.of("bench", "results",
      "store-save-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, result.encodePrettily());
    System.out.println("store-save: " + result.encode());
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
