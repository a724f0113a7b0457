package dev.vertigram.ipc;

import dev.vertigram.client.AuthKeyStore;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.MtprotoClient;
import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A session owner in a JVM of its own, for {@link IpcChildJvmTest}: args = session folder, Local DC RSA key (PEM file),
 * DC 1 host, DC 1 port[, idle exit ms]. Prints READY once its IPC endpoint serves; exits when idle.
 */
public final class OwnerMain {

  private OwnerMain() {
  }

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    ClientOptions options = new ClientOptions().addRsaKey(Files.readString(Path.of(args[1]))).apiId(1)
        .apiHash("test").homeDc(1).addDc(1, args[2], Integer.parseInt(args[3]));
    Vertx vertx = Vertx.vertx();
    MtprotoClient client = MtprotoClient.create(vertx, "child", options, AuthKeyStore.inMemory());
    IpcOptions ipc = new IpcOptions().idleExitMillis(args.length > 4 ? Long.parseLong(args[4]) : 0);
    IpcServer.start(vertx, folder, client::call, ipc)
        .onSuccess(s -> {
          s.idleHandler(v -> s.close().onComplete(x -> System.exit(0)));
          System.out.println("READY");
        })
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }
}
