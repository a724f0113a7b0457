package dev.vertigram.client;

import dev.vertigram.ipc.IpcLauncher;
import dev.vertigram.ipc.IpcOptions;
import dev.vertigram.ipc.IpcWorker;
import dev.vertigram.loop.Async;
import dev.vertigram.storage.SessionLockedException;
import dev.vertigram.storage.StoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/**
 * Who gets a session: {@link Vertigram#open} owns it when the lock is free and forwards to the owner otherwise (or
 * always, with auto-start); {@link Vertigram#takeOver} asks a worker owner to hand it over. See docs/ipc.md.
 */
final class SessionOpener {

  private static final long LOCK_RETRY_MS = 100;

  private SessionOpener() {
  }

  static Future<Vertigram> open(Vertx vertx, String session, Settings settings) {
    IpcOptions ipc = settings.ipc();
    if (ipc.enabled() && ipc.autoStart()) {
      return IpcWorker.connectOrStart(vertx, session, settings)
          .map(c -> Vertigram.forwarding(vertx, session, settings, c));
    }
    return Vertigram.openOwned(vertx, session, settings).recover(e -> ipc.enabled()
        && e instanceof SessionLockedException ? IpcLauncher.connect(vertx, folder(session, settings), ipc)
        .map(c -> Vertigram.forwarding(vertx, session, settings, c)) : Future.failedFuture(e));
  }

  static Future<Vertigram> takeOver(Vertx vertx, String session, Settings settings) {
    return Vertigram.openOwned(vertx, session, settings).recover(e -> {
      if (!(e instanceof SessionLockedException) || !settings.ipc().enabled()) {
        return Future.failedFuture(e);
      }
      long deadline = System.nanoTime() + settings.ipc().startTimeoutMillis() * 1_000_000;
      return IpcLauncher.connect(vertx, folder(session, settings), settings.ipc())
          .compose(owner -> owner.requestShutdown().eventually(owner::close))
          .compose(v -> ownWhenReleased(vertx, session, settings, deadline));
    });
  }

  /** Retries taking the lock until the owner that agreed to hand over has released it, or the deadline. */
  private static Future<Vertigram> ownWhenReleased(Vertx vertx, String session, Settings settings, long deadline) {
    return Vertigram.openOwned(vertx, session, settings).recover(e -> {
      if (!(e instanceof SessionLockedException) || System.nanoTime() > deadline) {
        return Future.failedFuture(e);
      }
      return Async.sleep(vertx, LOCK_RETRY_MS).compose(v -> ownWhenReleased(vertx, session, settings, deadline));
    });
  }

  private static Path folder(String session, Settings settings) {
    return Path.of(new StoreOptions(settings.storage().toJson()).setSession(session).getFolder());
  }
}
