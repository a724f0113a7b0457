package dev.vertigram.bench;

import dev.vertigram.testing.MemoryWriteStream;
import dev.vertigram.testing.Futures;
import dev.vertigram.client.AuthKeyStore;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.MtprotoClient;
import dev.vertigram.files.FileTransfers;
import dev.vertigram.files.TransferOptions;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.transport.TransportOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.WriteStream;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Upload and download of one file (default 256 MiB) between {@link FileTransfers} and the in-process Local DC over
 * loopback TCP, client and DC sharing the machine's cores: MB/s (10^6 bytes) and process CPU seconds per GB (client
 * and DC together). Run {@link #main} ({@code args[0]} = MiB, {@code args[1]} = media connections per DC, default
 * 4; 1 is the single media connection of before); it writes {@code bench/results/files.json}, with the 1-minute load
 * average at the start (other processes on the machine skew the figures), the heap bytes allocated per byte
 * transferred, and the CPU per GB of each event loop and
 * thread pool (the DC's big-frame crypto runs on the Vert.x worker pool; JIT and GC are only in the process total).
 */
public final class FilesBenchmark {
  private static final com.sun.management.ThreadMXBean ALLOCATION =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private FilesBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int mediaConnections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Vertx vertx = Vertx.vertx();
    LocalDc dc = await(LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1)));
    ClientOptions options = new ClientOptions().addRsaKey(dc.publicKey().toPkcs1Pem()).apiId(1).apiHash("bench")
        .transport(new TransportOptions().obfuscated(false)).homeDc(1).mediaConnectionsPerDc(mediaConnections);
    for (DcEndpoint e : dc.endpoints()) {
      options.addDc(e.id(), e.host(), e.port());
    }
    AuthKeyStore keys = AuthKeyStore.inMemory();
    MtprotoClient client = MtprotoClient.create(vertx, "bench", options, keys);
    await(client.call(new JsonObject().put("_", "help.getNearestDc")));
    dc.authorize(await(keys.permKey(1)).id(), 9_000_001L);
    FileTransfers files = FileTransfers.create(vertx, client, "bench");
    Path dir = Files.createTempDirectory("files-bench");
    Path source = dir.resolve("source.bin");
    Path target = dir.resolve("target.bin");
    byte[] data = new byte[mib << 20];
    new Random(1).nextBytes(data);
    Files.write(source, data);
    try {
      JsonObject inputFile = await(files.upload(source.toString(), TransferOptions.create())); // warm-up
      Measure up = measure(() -> await(files.upload(source.toString(), TransferOptions.create())));
      JsonObject updates = await(client.call(new JsonObject().put("_", "messages.sendMedia")
          .put("peer", new JsonObject().put("_", "inputPeerSelf")).put("message", "").put("random_id", 1L)
          .put("media", new JsonObject().put("_", "inputMediaUploadedDocument").put("file", inputFile)
              .put("mime_type", "application/octet-stream").put("attributes", new JsonArray()))));
      JsonObject message = updates.getJsonArray("updates").getJsonObject(1).getJsonObject("message");
      await(files.downloadToFile(message, target.toString(), TransferOptions.create())); // warm-up
      Measure down = measure(() -> await(files.downloadToFile(message, target.toString(), TransferOptions.create())));
      Measure stream = measure(() -> await(files.downloadToStream(message, MemoryWriteStream.discarding(), 0, -1,
          TransferOptions.create())));
      if (!Arrays.equals(data, Files.readAllBytes(target))) {
        throw new IllegalStateException("the download differs from the upload");
      }
      JsonObject result = new JsonObject().put("benchmark", "FilesBenchmark").put("bytes", (long) data.length)
          .put("upload_mb_per_s", round(data.length / 1e6 / up.seconds))
          .put("upload_cpu_s_per_gb", round(up.cpuSeconds / (data.length / 1e9)))
          .put("download_mb_per_s", round(data.length / 1e6 / down.seconds))
          .put("download_cpu_s_per_gb", round(down.cpuSeconds / (data.length / 1e9)))
          .put("download_to_stream_mb_per_s", round(data.length / 1e6 / stream.seconds))
          .put("upload_alloc_bytes_per_byte", up.allocatedPerByte(data.length))
          .put("download_alloc_bytes_per_byte", down.allocatedPerByte(data.length))
          .put("upload_cpu_s_per_gb_by_thread", up.threadsPerGb(data.length))
          .put("download_cpu_s_per_gb_by_thread", down.threadsPerGb(data.length))
          .put("parallel_parts", TransferOptions.create().parallelism())
          .put("media_connections_per_dc", mediaConnections)
          .put("load_average_1m", round(load))
          .put("cores", Runtime.getRuntime().availableProcessors());
      Path out = Path.of("bench", "results", "files.json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, result.encodePrettily() + "\n");
      System.out.println(result.encodePrettily());
    } finally {
      Files.deleteIfExists(source);
      Files.deleteIfExists(target);
      Files.deleteIfExists(dir);
      await(client.close());
      await(dc.close());
      await(vertx.close());
    }
  }


  /** Wall and process CPU seconds of one transfer, with the CPU nanoseconds of each thread pool or event loop. */
  private record Measure(double seconds, double cpuSeconds, Map<String, Long> threads, long allocated) {

    /** Heap bytes allocated (by the live threads) per byte transferred. */
    double allocatedPerByte(long bytes) {
      return Math.round(allocated * 100.0 / bytes) / 100.0;
    }

    /** CPU seconds per GB of each thread (pool) that used at least 0.05 s/GB. */
    JsonObject threadsPerGb(long bytes) {
      JsonObject out = new JsonObject();
      threads.forEach((name, nanos) -> {
        double perGb = nanos / 1e9 / (bytes / 1e9);
        if (perGb >= 0.05) {
          out.put(name, round(perGb));
        }
      });
      return out;
    }
  }

  private static Measure measure(Callable<?> run) throws Exception {
    ThreadCpu threads = new ThreadCpu();
    long cpu = ThreadCpu.processNanos();
    long allocated = ALLOCATION.getTotalThreadAllocatedBytes();
    long start = System.nanoTime();
    run.call();
    return new Measure((System.nanoTime() - start) / 1e9, (ThreadCpu.processNanos() - cpu) / 1e9, threads.byPool(),
        ALLOCATION.getTotalThreadAllocatedBytes() - allocated);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return Futures.await(future);
  }
}
