package dev.vertigram.e2e;

import dev.vertigram.testing.Futures;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.storage.StoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The end-to-end fixture: one Local DC (DCs 1..3, ephemeral ports, one RSA key) shared by every test of the run,
 * session settings against it, fresh test phone numbers and blocking helpers for the test thread.
 */
final class E2e {

  private static E2e shared;
  private static final AtomicInteger NEXT_PHONE = new AtomicInteger((int) (System.nanoTime() % 5000));

  final Vertx vertx;
  final LocalDc dc;
  final Path root;

  private E2e() {
    vertx = Vertx.vertx();
    try {
      root = Files.createTempDirectory("vertigram-e2e");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dc = await(LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1, 2, 3)
        .rsaKeyFile(root.resolve("rsa.pem").toString())));
  }

  /** The shared Local DC, faults cleared. */
  static synchronized E2e get() {
    if (shared == null) {
      shared = new E2e();
    }
    shared.dc.faults().clear();
    return shared;
  }

  /** Settings of a session stored (memory store) in {@code folder}, trusting the Local DC. */
  Settings settings(Path folder) {
    return settings(dc, folder);
  }

  /** Settings of a session stored (memory store) in {@code folder}, trusting {@code dc}. */
  static Settings settings(LocalDc dc, Path folder) {
    ClientOptions options = new ClientOptions().addRsaKey(dc.publicKey().toPkcs1Pem()).apiId(1).apiHash("e2e")
        .homeDc(1);
    for (DcEndpoint e : dc.endpoints()) {
      options.addDc(e.id(), e.host(), e.port());
    }
    return new Settings().client(options).storage(new StoreOptions().setFolder(folder.toString()));
  }

  /** A test number never used before in this run: 99966XYYYY, whose code is X five times. */
  static String newPhone(int x) {
    return "99966" + x + String.format("%04d", NEXT_PHONE.incrementAndGet() % 10_000);
  }

  /** The login code of a test number. */
  static String code(String phone) {
    return String.valueOf(phone.charAt(5)).repeat(5);
  }

  /** Opens a session and logs it in as a new user (sign-up) with {@code username}; returns the Vertigram. */
  Vertigram newUser(Path folder, String first, String username) {
    String phone = newPhone(7);
    Vertigram tg = await(Vertigram.open(vertx, first.toLowerCase(), settings(folder)));
    await(tg.phoneLogin(phone));
    JsonObject r = await(tg.completePhoneLogin(code(phone)));
    if ("auth.authorizationSignUpRequired".equals(r.getString("_"))) {
      await(tg.completeSignup(first, ""));
    }
    if (username != null) {
      await(tg.call(new JsonObject().put("_", "account.updateUsername").put("username", username)));
    }
    return tg;
  }

  static <T> T await(Future<T> future) {
    return Futures.await(future);
  }

  /** The failure of a future that must fail. */
  static Throwable failure(Future<?> future) {
    return Futures.failure(future);
  }

  /** Waits up to {@code ms} for {@code condition}. */
  static void until(long ms, BooleanSupplier condition, String what) {
    long end = System.currentTimeMillis() + ms;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new RuntimeException(e);
      }
    }
  }
}
