package dev.vertigram.localdc;

import dev.vertigram.crypto.RsaKey;
import dev.vertigram.localdc.impl.ServerCore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;

/**
 * The Local DC: a Telegram emulator speaking real MTProto 2.0 over TCP on 127.0.0.1, serving several DCs (one port
 * each) with its own RSA-2048 key. Clients must trust {@link #publicKey()} instead of Telegram's keys.
 *
 * <p>Threading: each DC runs as one verticle, so all its connections and sessions live on one event loop; the
 * methods of this class, {@link #faults()} and {@link #stats()} may be called from any thread.
 */
public final class LocalDc {

  private final ServerCore core;

  private LocalDc(ServerCore core) {
    this.core = core;
  }

  /**
   * Loads or generates the RSA key and loads the snapshot if any (off the event loop), creates the accounts of
   * {@code options}, then binds every DC.
   */
  public static Future<LocalDc> start(Vertx vertx, LocalDcOptions options) {
    return ServerCore.open(vertx, options)
        .compose(core -> core.start()
            .map(v -> new LocalDc(core))
            .recover(e -> core.stop().transform(x -> Future.failedFuture(e))));
  }

  /** Saves a snapshot now (no-op when snapshots are off); completes once it is on disk. */
  public Future<Void> saveSnapshot() {
    return core.saveSnapshot();
  }

  /** Where each DC listens (the real ports, also for port 0), in DC id order. */
  public List<DcEndpoint> endpoints() {
    return core.endpoints();
  }

  /** The DC's RSA public key; its fingerprint is {@code publicKey().fingerprint()}. */
  public RsaKey publicKey() {
    return core.rsa().publicKey();
  }

  /** The fault switches, changeable at run time. */
  public Faults faults() {
    return core.faults();
  }

  /** Counters and execution logs. */
  public LocalDcStats stats() {
    return core.stats();
  }

  /**
   * Test login shortcut: binds {@code userId} to the auth key {@code authKeyId} (to its permanent key when it is a
   * bound temporary key), as a completed sign-in would.
   *
   * @return false when no DC knows that key
   */
  public boolean authorize(long authKeyId, long userId) {
    return core.authorize(authKeyId, userId);
  }

  /** Stops every DC and closes their connections, then saves a last snapshot (when snapshots are on). */
  public Future<Void> close() {
    return core.stop();
  }
}
