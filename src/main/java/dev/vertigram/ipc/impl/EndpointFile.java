package dev.vertigram.ipc.impl;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The files of the IPC endpoint in a session folder: {@code ipc.sock} (the UNIX socket) and {@code ipc.json} (the
 * token and where to connect: {@code socket} or {@code host}/{@code port}), both readable by their owner only.
 * Blocking: call these off the event loop.
 */
public final class EndpointFile {

  /** The endpoint description. */
  public static final String JSON = "ipc.json";
  /** The UNIX domain socket. */
  public static final String SOCKET = "ipc.sock";

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private EndpointFile() {
  }

  /** Writes {@code ipc.json} atomically, mode 0600. */
  public static void write(Path folder, JsonObject endpoint) throws IOException {
    writePrivate(folder.resolve(JSON), endpoint.encode());
  }

  /** Replaces {@code file} atomically with {@code content}, mode 0600 from the start. */
  public static void writePrivate(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    createPrivate(tmp);
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Creates {@code file} empty with mode 0600 unless it exists (a log that others must not read). The mode is set at
   * creation: a file made readable first and restricted after could be opened by another user in between, and that
   * descriptor would read what is written later.
   */
  public static void createPrivate(Path file) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    if (POSIX) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }

  /** Reads {@code ipc.json}. */
  public static JsonObject read(Path folder) throws IOException {
    return new JsonObject(Files.readString(folder.resolve(JSON), StandardCharsets.UTF_8));
  }

  /** Sets a file to mode 0600 (no-op where permissions are not POSIX). */
  public static void ownerOnly(Path file) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  /** Deletes the endpoint files (a stale socket left by a dead owner, or ours on close). */
  public static void delete(Path folder) throws IOException {
    Files.deleteIfExists(folder.resolve(SOCKET));
    Files.deleteIfExists(folder.resolve(JSON));
  }
}
