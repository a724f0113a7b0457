package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.RsaKeyPair;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Blocking file helpers of the Local DC (call them through executeBlocking): files readable by the owner only. */
public final class PrivateFiles {

  private PrivateFiles() {
  }

  /**
   * The RSA key pair stored in {@code pemFile} (PKCS#1 private key PEM), generated and saved (mode 0600) when the file
   * does not exist; a fresh in-memory key when {@code pemFile} is null.
   */
  public static RsaKeyPair loadOrCreateRsaKey(String pemFile) throws IOException {
    if (pemFile == null) {
      return RsaKeyPair.generate(new SecureRandom());
    }
    Path path = Path.of(pemFile);
    if (Files.exists(path)) {
      return RsaKeyPair.fromPem(Files.readString(path, StandardCharsets.US_ASCII));
    }
    RsaKeyPair key = RsaKeyPair.generate(new SecureRandom());
    write(path, key.toPem());
    return key;
  }

  /** Writes the bytes of a file (see {@link #write(Path, Content)}). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code text} atomically to {@code path} with mode 0600, creating the parent directories. */
  public static void write(Path path, String text) throws IOException {
    write(path, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Writes {@code content} atomically to {@code path} with mode 0600, creating the parent directories: a temporary
   * file in the same directory, flushed to disk (fsync), then renamed over {@code path}.
   */
  public static void write(Path path, Content content) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
