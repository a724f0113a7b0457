package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.World;
import dev.vertigram.localdc.world.WorldCodec;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The on-disk snapshot of a Local DC (blocking I/O: call through executeBlocking). Layout under the state dir:
 * {@code snapshot/state.jsonl} holds one JSON object per line, each with its record type in {@code "t"}: a
 * {@code snapshot} header ({@code format}, {@code version}), the {@link WorldCodec} records, then {@code key}
 * (a permanent auth key of a DC with its user, or revoked), {@code login} (an authorization as
 * account.getAuthorizations lists it), {@code file} (a stored file's metadata; the bytes of each file are in
 * {@code snapshot/files/<id>.bin}, written once: files never change) and the records of the other state the DCs share
 * (secret chats, QR login tokens, login codes, exported authorizations, keys awaiting a 2FA password: see
 * {@link Persistence}). Version 1 (before those) still loads. Every file is written atomically (temporary file,
 * fsync, rename) with mode 0600: the snapshot holds auth keys.
 */
final class Snapshot {

  static final String FORMAT = "vertigram-localdc";
  static final int VERSION = 2;
  private static final Set<String> WORLD_RECORDS = Set.of("world", "user", "chat", "channel");

  /**
   * A loaded snapshot: the world, the records of the DCs' own state (keys, logins, then the others in {@code shared}),
   * files with their bytes.
   */
  record Contents(World world, List<JsonObject> keys, List<JsonObject> logins, List<StoredFile> files,
      List<JsonObject> shared) {
  }

  private Snapshot() {
  }

  static Path stateFile(Path dir) {
    return dir.resolve("snapshot").resolve("state.jsonl");
  }

  static Path blob(Path dir, long fileId) {
    return dir.resolve("snapshot").resolve("files").resolve(Long.toUnsignedString(fileId, 16) + ".bin");
  }

  /** The header line of a snapshot saved at {@code savedAt} (unix seconds). */
  static String header(long savedAt) {
    return new JsonObject().put("t", "snapshot").put("format", FORMAT).put("version", VERSION)
        .put("saved_at", savedAt).encode();
  }

  /** Writes the blobs of {@code files} not on disk yet, then {@code lines} as the state file. */
  static void save(Path dir, List<String> lines, List<StoredFile> files) throws IOException {
    for (StoredFile f : files) {
      Path blob = blob(dir, f.id());
      if (!Files.exists(blob)) {
        PrivateFiles.write(blob, f.content()::writeTo);
      }
    }
    PrivateFiles.write(stateFile(dir), out -> {
      for (String line : lines) {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    });
  }

  /** The snapshot in {@code dir}, or null when there is none. IOException when it is unreadable or of another version. */
  static Contents load(Path dir) throws IOException {
    Path state = stateFile(dir);
    if (!Files.exists(state)) {
      return null;
    }
    List<JsonObject> world = new ArrayList<>();
    List<JsonObject> keys = new ArrayList<>();
    List<JsonObject> logins = new ArrayList<>();
    List<StoredFile> files = new ArrayList<>();
    List<JsonObject> shared = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
      JsonObject head = new JsonObject(in.readLine());
      int version = head.getInteger("version", 0);
      if (!FORMAT.equals(head.getString("format")) || version < 1 || version > VERSION) {
        throw new IOException("unsupported snapshot " + head.getString("format") + " v" + head.getValue("version"));
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonObject r = new JsonObject(line);
        switch (r.getString("t")) {
          case "key" -> keys.add(r);
          case "login" -> logins.add(r);
          case "file" -> files.add(file(dir, r));
          default -> (WORLD_RECORDS.contains(r.getString("t")) ? world : shared).add(r);
        }
      }
    }
    return new Contents(WorldCodec.decode(world), keys, logins, files, shared);
  }

  /** The {@code file} record of {@code f}. */
  static String fileRecord(StoredFile f) {
    return new JsonObject().put("t", "file").put("id", f.id()).put("access_hash", f.accessHash())
        .put("dc", f.dcId()).put("size", f.content().size()).put("object", f.object()).encode();
  }

  private static StoredFile file(Path dir, JsonObject r) throws IOException {
    long id = r.getLong("id");
    try (InputStream in = Files.newInputStream(blob(dir, id))) {
      FileContent content = FileContent.read(in, r.getLong("size"));
      return new StoredFile(id, r.getLong("access_hash"), r.getInteger("dc"), content, r.getJsonObject("object"));
    }
  }
}
