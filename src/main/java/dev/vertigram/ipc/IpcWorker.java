package dev.vertigram.ipc;

import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.ipc.impl.EndpointFile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The background worker that owns a session for the processes forwarding to it: {@code main(sessionFolder)} reads
 * {@code worker.json} ({@code {"session", "settings"}}, mode 0600, written by the forwarder that started it), opens
 * the session as its owner (the session lock), logs in without a console, serves the session on its IPC endpoint and
 * prints {@code READY}. It exits after {@code settings.ipc.idleExit} ms without forwarders (0 = never), when a
 * {@code startAndLoop} takes the session over, or at once when another process already owns the session. Its output
 * goes to {@code worker.log} in the session folder ({@link IpcLauncher}).
 */
public final class IpcWorker {

  /** The worker's session and settings, in the session folder. */
  public static final String SETTINGS = "worker.json";
  private static final Logger LOG = LoggerFactory.getLogger(IpcWorker.class);

  private IpcWorker() {
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: " + IpcWorker.class.getName() + " <session folder>");
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    serve(vertx, Path.of(args[0])).onFailure(e -> {
      LOG.error("the worker could not serve the session in {}", args[0], e);
      System.exit(1);
    });
  }

  /**
   * A forwarder to the owner of {@code session}, starting a worker for it with {@code settings} when nobody serves
   * it (this JVM's java and classpath: the same fat jar), and again when the owner dies.
   */
  public static Future<IpcClient> connectOrStart(Vertx vertx, String session, Settings settings) {
    Settings own = new Settings(settings.toJson());
    own.storage().setSession(session);
    Path folder = Path.of(own.storage().getFolder()).toAbsolutePath();
    own.storage().setFolder(folder.toString());
    own.ipc().autoStart(false);
    own.interactive(false);
    List<String> command = IpcLauncher.javaCommand(IpcWorker.class.getName(), folder.toString());
    return IpcClient.connect(vertx, folder, settings.ipc()).recover(none -> vertx.<Void>executeBlocking(() -> {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
          "rwx------")));
      EndpointFile.writePrivate(folder.resolve(SETTINGS), new JsonObject().put("session", session)
          .put("settings", own.toJson()).encode());
      return null;
    }).compose(v -> IpcLauncher.connectOrStart(vertx, folder, command, settings.ipc())))
        .map(client -> client.ownerStarter(() -> IpcLauncher.startWorker(vertx, folder, command)));
  }

  /** Opens the session of {@code folder}'s worker.json as its owner and serves it until idle or handed over. */
  static Future<Vertigram> serve(Vertx vertx, Path folder) {
    return vertx.executeBlocking(() -> new JsonObject(Files.readString(folder.resolve(SETTINGS),
        StandardCharsets.UTF_8))).compose(json -> {
          Settings settings = new Settings(json.getJsonObject("settings"));
          settings.ipc().autoStart(false).enabled(true);
          return Vertigram.open(vertx, json.getString("session"), settings);
        }).compose(tg -> {
          if (tg.forwarding()) {
            LOG.info("another process owns session {}: nothing to do", tg.session());
            exit(vertx, tg, 0);
            return Future.succeededFuture(tg);
          }
          IpcServer ipc = tg.ipcServer();
          if (ipc == null) {
            return tg.close().compose(v -> Future.failedFuture("the session could not be served (see above)"));
          }
          ipc.idleHandler(v -> {
            LOG.info("no forwarder for {} ms: exiting", tg.settings().ipc().idleExitMillis());
            exit(vertx, tg, 0);
          }).shutdownHandler(v -> {
            LOG.info("handing session {} over", tg.session());
            exit(vertx, tg, 0);
          });
          return tg.start().map(self -> {
            LOG.info("serving session {} as user {} (pid {})", tg.session(), self.getLong("id"),
                ProcessHandle.current().pid());
            System.out.println("READY");
            return tg;
          }).onFailure(e -> tg.close());
        });
  }

  private static void exit(Vertx vertx, Vertigram tg, int status) {
    tg.close().eventually(vertx::close).onComplete(ar -> System.exit(status));
  }
}
