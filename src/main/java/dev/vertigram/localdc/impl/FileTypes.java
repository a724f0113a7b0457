package dev.vertigram.localdc.impl;

import java.nio.charset.StandardCharsets;

/** The {@code storage.FileType} and mime type of file content, from its magic bytes. */
final class FileTypes {

  /** How many leading bytes {@link #storageType} and {@link #mimeType} look at. */
  static final int HEAD = 16;

  private FileTypes() {
  }

  /** storage.fileJpeg, filePng, ..., storage.fileUnknown. */
  static String storageType(byte[] head) {
    return switch (mimeType(head)) {
      case "image/jpeg" -> "storage.fileJpeg";
      case "image/png" -> "storage.filePng";
      case "image/gif" -> "storage.fileGif";
      case "image/webp" -> "storage.fileWebp";
      case "application/pdf" -> "storage.filePdf";
      case "audio/mpeg" -> "storage.fileMp3";
      case "video/quicktime" -> "storage.fileMov";
      case "video/mp4" -> "storage.fileMp4";
      default -> "storage.fileUnknown";
    };
  }

  /** The mime type recognised from the magic bytes, application/octet-stream when unknown. */
  static String mimeType(byte[] h) {
    if (starts(h, 0, 0xff, 0xd8, 0xff)) {
      return "image/jpeg";
    } else if (starts(h, 0, 0x89, 'P', 'N', 'G')) {
      return "image/png";
    } else if (ascii(h, 0, "GIF8")) {
      return "image/gif";
    } else if (ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) {
      return "image/webp";
    } else if (ascii(h, 0, "%PDF")) {
      return "application/pdf";
    } else if (ascii(h, 0, "ID3") || starts(h, 0, 0xff) && h.length > 1 && (h[1] & 0xe0) == 0xe0) {
      return "audio/mpeg";
    } else if (ascii(h, 4, "ftyp")) {
      return ascii(h, 8, "qt  ") ? "video/quicktime" : "video/mp4";
    }
    return "application/octet-stream";
  }

  private static boolean ascii(byte[] h, int at, String magic) {
    byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
    if (h.length < at + m.length) {
      return false;
    }
    for (int i = 0; i < m.length; i++) {
      if (h[at + i] != m[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean starts(byte[] h, int at, int... magic) {
    if (h.length < at + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((h[at + i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
