package dev.vertigram.ipc;

import dev.vertigram.testing.Futures;
import dev.vertigram.client.AuthKeyStore;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.MtprotoClient;
import dev.vertigram.ipc.impl.Dedupe;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.storage.StoreOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * One Local DC for the IPC tests (its RSA key takes seconds to make), and an owner per test: a client, a session
 * folder and its IPC endpoint.
 */
final class IpcFixture {

  private static LocalDc shared;
  private static final SecureRandom RANDOM = new SecureRandom();
  static final Vertx VERTX = Vertx.vertx();

  final LocalDc dc;
  final Path folder;
  final MtprotoClient client;
  final Dedupe dedupe = new Dedupe(200_000);
  IpcServer server;

  IpcFixture(IpcOptions options) throws Exception {
    dc = localDc();
    dc.faults().clear();
    folder = Files.createTempDirectory("vertigram-ipc");
    client = MtprotoClient.create(VERTX, "ipc", clientOptions(dc), AuthKeyStore.inMemory());
    server = await(IpcServer.start(VERTX, folder, client::call, options, dedupe));
  }

  static synchronized LocalDc localDc() throws Exception {
    if (shared == null) {
      Path key = Files.createTempDirectory("vertigram-localdc").resolve("rsa.pem");
      shared = await(LocalDc.start(VERTX, new LocalDcOptions().ephemeralPorts(1, 2, 3).rsaKeyFile(key.toString())));
    }
    return shared;
  }

  static ClientOptions clientOptions(LocalDc dc) {
    ClientOptions options = new ClientOptions().addRsaKey(dc.publicKey().toPkcs1Pem()).apiId(1).apiHash("test")
        .homeDc(1);
    for (DcEndpoint e : dc.endpoints()) {
      options.addDc(e.id(), e.host(), e.port());
    }
    return options;
  }

  /** Settings of a session stored (memory store) in {@code folder}, trusting the Local DC. */
  static Settings settings(LocalDc dc, Path folder) {
    return new Settings().client(clientOptions(dc)).storage(new StoreOptions().setFolder(folder.toString()));
  }

  /** Opens a session in {@code folder} as its owner and signs a new test user up; returns the open session. */
  static Vertigram newUser(LocalDc dc, Path folder, String session) {
    int x = 1 + RANDOM.nextInt(9);
    String phone = "99966" + x + String.format("%04d", RANDOM.nextInt(10_000));
    Vertigram tg = await(Vertigram.open(VERTX, session, settings(dc, folder)));
    await(tg.phoneLogin(phone));
    JsonObject r = await(tg.completePhoneLogin(String.valueOf(x).repeat(5)));
    if ("auth.authorizationSignUpRequired".equals(r.getString("_"))) {
      await(tg.completeSignup("Ipc", session));
    }
    return tg;
  }

  void close() {
    await(server.close());
    await(client.close());
  }

  static <T> T await(Future<T> future) {
    return Futures.await(future);
  }

  static Throwable failure(Future<?> future) {
    return Futures.failure(future);
  }
}
