package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.localdc.world.World;
import dev.vertigram.localdc.world.WorldCodec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Keeps a {@link Snapshot} of a running Local DC: restores one at start, saves one every interval and at stop; saves
 * never overlap. A save runs on a worker thread and holds the world lock only to take a {@link World#copy()}
 * (containers copied, messages shared), then encodes and writes without it, so that the DCs are not stalled by the
 * encoding. The world is copied first and the other state after it, so that every file, key or secret chat the
 * copied world refers to is in the snapshot; a login or key of a user created after the copy is restored logged out.
 */
final class Persistence {

  private static final Logger log = LoggerFactory.getLogger(Persistence.class);

  private final ServerCore core;
  private final Path dir;
  private Future<Void> lastSave = Future.succeededFuture();
  private long timer = -1;

  Persistence(ServerCore core, Path dir) {
    this.core = core;
    this.dir = dir;
  }

  /** Restores the DCs' keys, logins, files and shared state of {@code s} (its world is already the core's). */
  void apply(Snapshot.Contents s) {
    World w = core.social().world();
    Base64.Decoder b64 = Base64.getDecoder();
    for (JsonObject k : s.keys()) {
      DcState dc = core.dc(k.getInteger("dc"));
      if (dc == null) {
        continue;
      }
      long now = dc.clock().seconds();
      StoredKey key = new StoredKey(new AuthKey(b64.decode(k.getString("key"))), false, Long.MAX_VALUE,
          new ServerSalts(k.getLong("salt"), now, dc.random()));
      dc.keys().register(key);
      if (k.getBoolean("revoked", false)) {
        key.revoke();
      } else if (known(w, k.getLong("user", 0L))) {
        key.userId(k.getLong("user"));
      }
    }
    for (JsonObject l : s.logins()) {
      StoredKey key = key(l.getLong("key_id"));
      if (key != null && known(w, l.getLong("user"))) {
        core.social().auths().restore(l.getLong("user"),
            new Authorizations.Login(key, l.getLong("hash"), l.getInteger("dc"), l.getInteger("date")));
      }
    }
    s.files().forEach(core.files()::add);
    s.shared().forEach(r -> restoreShared(w, r));
  }

  private void restoreShared(World w, JsonObject r) {
    String type = r.getString("t");
    switch (type) {
      case SecretChats.RECORD -> core.secretChats().restore(r);
      case LoginCodes.RECORD -> core.loginCodes().restore(r);
      case ExportedAuthorizations.RECORD -> core.exports().restore(r);
      case LoginTokens.RECORD, Authorizations.PENDING_RECORD -> {
        StoredKey key = key(r.getLong("key_id"));
        if (key == null) {
          return;
        }
        if (type.equals(LoginTokens.RECORD)) {
          core.loginTokens().restore(r, key);
        } else if (known(w, r.getLong("user"))) {
          core.social().auths().pendingPassword(key, r.getLong("user"));
        }
      }
      default -> log.warn("snapshot: skipping a record of unknown type {}", type);
    }
  }

  private static boolean known(World w, long userId) {
    return userId != 0 && w.locked(() -> w.user(userId) != null);
  }

  /** The restored permanent key with that id, on whichever DC, or null. */
  private StoredKey key(long keyId) {
    for (DcState dc : core.dcs()) {
      StoredKey key = dc.keys().find(keyId, dc.clock().millis());
      if (key != null) {
        return key;
      }
    }
    return null;
  }

  /** Saves every {@code seconds} from now on. */
  void startTimer(int seconds) {
    timer = core.vertx().setPeriodic(seconds * 1000L, id -> save());
  }

  /** Saves a snapshot after the one in progress, if any. */
  synchronized Future<Void> save() {
    lastSave = lastSave.eventually(() -> core.vertx().executeBlocking(() -> {
      World w = core.social().world();
      World copy = w.locked(w::copy); // the only work under the world lock
      List<StoredFile> files = new ArrayList<>(core.files().all());
      Snapshot.save(dir, lines(copy, files), files);
      return null;
    }));
    return lastSave;
  }

  /** Stops the timer and saves a last time. */
  Future<Void> stop() {
    if (timer >= 0) {
      core.vertx().cancelTimer(timer);
    }
    return save();
  }

  private List<String> lines(World world, List<StoredFile> files) {
    List<String> lines = new ArrayList<>();
    lines.add(Snapshot.header(System.currentTimeMillis() / 1000));
    WorldCodec.encode(world).forEach(r -> lines.add(r.encode()));
    Base64.Encoder b64 = Base64.getEncoder();
    for (DcState dc : core.dcs()) {
      long now = dc.clock().seconds();
      for (StoredKey k : dc.keys().all()) {
        if (!k.temp()) {
          lines.add(new JsonObject().put("t", "key").put("dc", dc.id()).put("key", b64.encodeToString(k.key().bytes()))
              .put("salt", k.salts().current(now)).put("user", k.userId()).put("revoked", k.revoked()).encode());
        }
      }
    }
    core.social().auths().all().forEach((user, logins) -> logins.forEach(l -> lines.add(new JsonObject()
        .put("t", "login").put("user", user).put("dc", l.dcId()).put("key_id", l.key().id()).put("hash", l.hash())
        .put("date", l.date()).encode())));
    files.forEach(f -> lines.add(Snapshot.fileRecord(f)));
    List<JsonObject> shared = new ArrayList<>(core.secretChats().records());
    shared.addAll(core.loginTokens().records());
    shared.addAll(core.loginCodes().records());
    shared.addAll(core.exports().records());
    shared.addAll(core.social().auths().pendingRecords());
    shared.forEach(r -> lines.add(r.encode()));
    return lines;
  }
}
