package dev.vertigram.bench;

import dev.vertigram.testing.MemoryWriteStream;
import com.sun.management.OperatingSystemMXBean;
import dev.vertigram.http.HttpFetcher;
import dev.vertigram.http.HttpOptions;
import dev.vertigram.http.OriginServer;
import dev.vertigram.testing.Futures;
import dev.vertigram.transport.Socks5TestProxy;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The HTTP client on loopback, client and origin in one process: {@code fileGetContents} (the body in memory),
 * {@code download} into a discarding sink (piped with back-pressure), and the same download after a refused direct
 * connection, through the test SOCKS5 proxy. MB/s (10^6 bytes) and process CPU seconds per GB; {@code args[0]} = MiB
 * (default 128). Writes {@code bench/results/http.json} with the 1-minute load average at the start.
 */
public final class HttpBenchmark {

  private HttpBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 128;
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Vertx vertx = Vertx.vertx();
    OriginServer origin = Futures.await(OriginServer.start(vertx, mib << 20));
    Socks5TestProxy socks = Futures.await(Socks5TestProxy.start(vertx));
    NetServer closed = Futures.await(vertx.createNetServer().connectHandler(s -> s.close()).listen(0, "127.0.0.1"));
    int refused = closed.actualPort();
    Futures.await(closed.close());
    socks.routes.put("127.0.0.1:" + refused, "127.0.0.1:" + origin.port());
    HttpFetcher http = HttpFetcher.create(vertx, new HttpOptions().maxBodySize(1L << 31)
        .proxy(new ProxyOptions().setType(ProxyType.SOCKS5).setHost("127.0.0.1").setPort(socks.port())));
    String direct = "http://127.0.0.1:" + origin.port() + "/data";
    String proxied = "http://127.0.0.1:" + refused + "/data";
    long bytes = (long) mib << 20;
    try {
      Futures.await(http.fileGetContents(direct)); // warm-up
      double[] get = measure(() -> {
        if (Futures.await(http.fileGetContents(direct)).length() != bytes) {
          throw new IllegalStateException("short body");
        }
        return null;
      });
      double[] down = measure(() -> Futures.await(http.download(direct, MemoryWriteStream.discarding())));
      Futures.await(http.download(proxied, MemoryWriteStream.discarding())); // warm-up, and the fallback remembered
      double[] viaSocks = measure(() -> Futures.await(http.download(proxied, MemoryWriteStream.discarding())));
      JsonObject result = new JsonObject().put("benchmark", "HttpBenchmark").put("bytes", bytes)
          .put("file_get_contents_mb_per_s", round(bytes / 1e6 / get[0]))
          .put("file_get_contents_cpu_s_per_gb", round(get[1] / (bytes / 1e9)))
          .put("download_mb_per_s", round(bytes / 1e6 / down[0]))
          .put("download_cpu_s_per_gb", round(down[1] / (bytes / 1e9)))
          .put("download_via_socks5_mb_per_s", round(bytes / 1e6 / viaSocks[0]))
          .put("download_via_socks5_cpu_s_per_gb", round(viaSocks[1] / (bytes / 1e9)))
          .put("proxied_requests", http.stats().proxied())
          .put("load_average_1m", round(load))
          .put("cores", Runtime.getRuntime().availableProcessors());
      Path out = Path.of("bench", "results", "http.json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, result.encodePrettily() + "\n");
      System.out.println(result.encodePrettily());
    } finally {
      Futures.await(http.close());
      Futures.await(socks.close());
      Futures.await(origin.close());
      Futures.await(vertx.close());
    }
  }

  /** Wall seconds and process CPU seconds of one run. */
  private static double[] measure(Supplier<?> run) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    run.get();
    return new double[] {(System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
