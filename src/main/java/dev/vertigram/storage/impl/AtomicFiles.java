package dev.vertigram.storage.impl;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Blocking file helpers for the session folder (call them off the event loop): owner-only permissions and atomic
 * replacement (temp file, fsync, rename, fsync of the folder), so that a crash at any instant leaves either the old
 * or the new file.
 */
public final class AtomicFiles {

  /** Suffix of the temp files; leftovers of a crash are deleted when a session opens. */
  public static final String TMP = ".tmp";

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private AtomicFiles() {
  }

  /** Writes a file's content. */
  @FunctionalInterface
  public interface Writer {
    /** Writes to {@code out} (buffered; closed by the caller). */
    void write(OutputStream out) throws IOException;
  }

  /** Replaces {@code target} atomically with what {@code writer} writes; the file is readable by its owner only. */
  public static void write(Path target, Writer writer) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + TMP);
    Files.deleteIfExists(tmp);
    try (FileChannel ch = open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
      writer.write(out);
      out.flush();
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncFolder(target.getParent());
  }

  /** Opens (creating it 0600 if needed) a file of the session folder. */
  public static FileChannel open(Path file, OpenOption... options) throws IOException {
    if (!POSIX) {
      return FileChannel.open(file, options);
    }
    FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    return FileChannel.open(file, java.util.Set.of(options), ownerOnly);
  }

  /** Creates {@code dir} (and its parents) if needed and makes it accessible by its owner only (0700). */
  public static void ownerOnlyFolder(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (POSIX) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** Makes a rename in {@code dir} durable. */
  public static void syncFolder(Path dir) throws IOException {
    if (!POSIX) {
      return; // folders cannot be opened for fsync on Windows; NTFS renames are journaled
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
