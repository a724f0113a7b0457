package dev.vertigram.http;

import dev.vertigram.testing.MemoryWriteStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static dev.vertigram.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Many responses on pooled connections, asked for at once from plain threads and from Vert.x contexts: every body
 * arrives whole, however late its reader attaches (a plain thread's request chain used to race the response and lose
 * the start of the body: see HttpFetcherImpl.onContext), and a context's request completes on that context.
 */
class ConcurrentStreamsTest {

  private static final int THREADS = 4;
  private static final int ROUNDS = 25;
  private static Vertx vertx;
  private static OriginServer origin;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    origin = await(OriginServer.start(vertx, 100_000));
  }

  @AfterAll
  static void stop() {
    await(origin.close());
    await(vertx.close());
  }

  @Test
  void everyBodyArrivesWholeFromPlainThreadsAndContexts() throws Exception {
    String data = "http://127.0.0.1:" + origin.port() + "/data";
    String chunked = "http://127.0.0.1:" + origin.port() + "/chunked";
    List<Function<HttpFetcher, Future<Buffer>>> reads = List.of(
        h -> download(h, data),
        h -> readLater(h, data),
        h -> readLater(h, chunked),
        h -> h.fileGetContents(data),
        h -> h.fileGetContents(chunked));
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(CompletableFuture.runAsync(() -> {
          HttpFetcher http = HttpFetcher.create(vertx, new HttpOptions()); // its own pool: an idle connection each time
          for (int i = 0; i < ROUNDS; i++) {
            Function<HttpFetcher, Future<Buffer>> read = reads.get((thread + i) % reads.size());
            assertArrayEquals(origin.data, await(read.apply(http)).getBytes(), "plain thread, round " + i);
            Promise<Buffer> onContext = Promise.promise();
            vertx.runOnContext(v -> {
              Context caller = Vertx.currentContext();
              read.apply(http).onComplete(ar -> onContext.handle(Vertx.currentContext() == caller ? ar
                  : Future.failedFuture(new AssertionError("completed off the caller's context"))));
            });
            assertArrayEquals(origin.data, await(onContext.future()).getBytes(), "context, round " + i);
          }
          await(http.close());
        }, threads));
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(); // rethrows a thread's assertion failure
    } finally {
      threads.shutdownNow();
    }
  }

  private static Future<Buffer> download(HttpFetcher http, String url) {
    Buffer bytes = Buffer.buffer();
    return http.download(url, MemoryWriteStream.collectingInto(bytes)).map(s -> bytes);
  }

  /** Streams the body and reads it only a moment later, as a caller doing other work first would. */
  private static Future<Buffer> readLater(HttpFetcher http, String url) {
    return http.stream(url).compose(s -> {
      Promise<Buffer> body = Promise.promise();
      vertx.setTimer(1, t -> {
        Buffer bytes = Buffer.buffer();
        s.body().exceptionHandler(body::tryFail).endHandler(v -> body.tryComplete(bytes)).handler(bytes::appendBuffer);
        s.body().resume();
      });
      return body.future();
    });
  }
}
