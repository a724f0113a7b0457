package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.localdc.world.World;
import dev.vertigram.localdc.world.WorldCodec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Keeps a {@link Snapshot} of a running Local DC: restores one at start, saves one every interval and at stop. The
 * capture runs on a worker thread (it takes the world lock for the world records); saves never overlap.
 */
final class Persistence {

  private final ServerCore core;
  private final Path dir;
  private Future<Void> lastSave = Future.succeededFuture();
  private long timer = -1;

  Persistence(ServerCore core, Path dir) {
    this.core = core;
    this.dir = dir;
  }

  /** Restores the DCs' keys, logins and files of {@code s} (its world is already the core's). */
  void apply(Snapshot.Contents s) {
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
      if (k.getLong("user", 0L) != 0) {
        key.userId(k.getLong("user"));
      }
    }
    for (JsonObject l : s.logins()) {
      DcState dc = core.dc(l.getInteger("dc"));
      StoredKey key = dc == null ? null : dc.keys().find(l.getLong("key_id"), dc.clock().millis());
      if (key != null) {
        core.social().auths().restore(l.getLong("user"),
            new Authorizations.Login(key, l.getLong("hash"), dc.id(), l.getInteger("date")));
      }
    }
    s.files().forEach(core.files()::add);
  }

  /** Saves every {@code seconds} from now on. */
  void startTimer(int seconds) {
    timer = core.vertx().setPeriodic(seconds * 1000L, id -> save());
  }

  /** Saves a snapshot after the one in progress, if any. */
  synchronized Future<Void> save() {
    lastSave = lastSave.eventually(() -> core.vertx().executeBlocking(() -> {
      List<StoredFile> files = new ArrayList<>(core.files().all());
      Snapshot.save(dir, capture(files), files);
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

  private List<String> capture(List<StoredFile> files) {
    List<String> lines = new ArrayList<>();
    lines.add(Snapshot.header(System.currentTimeMillis() / 1000));
    World w = core.social().world();
    w.locked(() -> {
      WorldCodec.encode(w).forEach(r -> lines.add(r.encode()));
      return null;
    });
    Base64.Encoder b64 = Base64.getEncoder();
    for (DcState dc : core.dcs()) {
      long now = dc.clock().seconds();
      for (StoredKey k : dc.keys().all()) {
        if (!k.temp() && !k.revoked()) {
          lines.add(new JsonObject().put("t", "key").put("dc", dc.id()).put("key", b64.encodeToString(k.key().bytes()))
              .put("salt", k.salts().current(now)).put("user", k.userId()).encode());
        }
      }
    }
    core.social().auths().all().forEach((user, logins) -> logins.forEach(l -> lines.add(new JsonObject()
        .put("t", "login").put("user", user).put("dc", l.dcId()).put("key_id", l.key().id()).put("hash", l.hash())
        .put("date", l.date()).encode())));
    files.forEach(f -> lines.add(Snapshot.fileRecord(f)));
    return lines;
  }
}
