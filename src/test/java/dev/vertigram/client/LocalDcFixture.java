package dev.vertigram.client;

import dev.vertigram.testing.Futures;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.transport.TransportOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Local DC (DCs 1..3 on ephemeral ports) shared by the end-to-end tests of this package (its RSA key takes seconds
 * to generate), and helpers to build clients against it. Each test starts from {@link #reset()}.
 */
final class LocalDcFixture {

  private static LocalDcFixture shared;
  /** One RSA key for every Local DC of the run: generating one takes seconds. */
  private static final String RSA_KEY_FILE = rsaKeyFile();

  final Vertx vertx;
  final LocalDc dc;

  private LocalDcFixture(Vertx vertx) {
    this.vertx = vertx;
    dc = await(LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1, 2, 3).rsaKeyFile(RSA_KEY_FILE)));
  }

  /**
   * A Local DC of its own, for tests that leave lasting state behind (a skewed clock: the Local DC's msg_ids never
   * go back, so they stay ahead after the skew is removed). Close it with {@link #closeIsolated()}.
   */
  static LocalDcFixture isolated() {
    return new LocalDcFixture(reset().vertx);
  }

  void closeIsolated() {
    await(dc.close());
  }

  private static String rsaKeyFile() {
    try {
      Path dir = Files.createTempDirectory("vertigram-localdc");
      dir.toFile().deleteOnExit();
      Path key = dir.resolve("rsa.pem");
      key.toFile().deleteOnExit();
      return key.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared Local DC, started on first use, faults cleared and stats zeroed. */
  static synchronized LocalDcFixture reset() {
    if (shared == null) {
      shared = new LocalDcFixture(Vertx.vertx());
    }
    shared.dc.faults().clear();
    shared.dc.stats().reset();
    return shared;
  }

  /** Client options for this Local DC with the given transport. */
  ClientOptions options(TransportOptions transport) {
    ClientOptions options = new ClientOptions().addRsaKey(dc.publicKey().toPkcs1Pem()).apiId(1).apiHash("test")
        .transport(transport).homeDc(1);
    for (DcEndpoint e : dc.endpoints()) {
      options.addDc(e.id(), e.host(), e.port());
    }
    return options;
  }

  ClientOptions options() {
    return options(new TransportOptions());
  }

  static JsonObject nearestDc() {
    return new JsonObject().put("_", "help.getNearestDc");
  }

  static <T> T await(Future<T> future) {
    return Futures.await(future);
  }

  /** The failure of a future that must fail. */
  static Throwable failure(Future<?> future) {
    return Futures.failure(future);
  }
}
