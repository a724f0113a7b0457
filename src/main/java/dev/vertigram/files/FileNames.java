package dev.vertigram.files;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Local file names for downloads: the file name attribute made safe (no directory part, no separator, control or
 * reserved character, not "." or "..", at most 255 UTF-8 bytes), else {@code document_<id>} / {@code photo_<id>}
 * with an extension from the mime type; and the {@code "name (1).ext"} alternatives when a name is taken.
 */
final class FileNames {

  private static final int MAX_BYTES = 255;
  private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("image/jpeg", ".jpg"),
      Map.entry("image/png", ".png"), Map.entry("image/gif", ".gif"), Map.entry("image/webp", ".webp"),
      Map.entry("video/mp4", ".mp4"), Map.entry("video/quicktime", ".mov"), Map.entry("video/webm", ".webm"),
      Map.entry("audio/mpeg", ".mp3"), Map.entry("audio/ogg", ".ogg"), Map.entry("audio/mp4", ".m4a"),
      Map.entry("application/pdf", ".pdf"), Map.entry("application/zip", ".zip"), Map.entry("text/plain", ".txt"),
      Map.entry("application/json", ".json"), Map.entry("application/x-tgsticker", ".tgs"));

  private FileNames() {
  }

  /** The name to save {@code file} under. */
  static String of(FileLocation file) {
    String safe = sanitize(file.name());
    if (!safe.isEmpty()) {
      return safe;
    }
    String kind = "inputPhotoFileLocation".equals(file.location().getString("_")) ? "photo_" : "document_";
    return kind + Long.toUnsignedString(file.location().getLong("id"))
        + EXTENSIONS.getOrDefault(file.mimeType().toLowerCase(java.util.Locale.ROOT), ".bin");
  }

  /** {@code name} without directories and unsafe characters; "" when nothing usable is left. */
  static String sanitize(String name) {
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder b = new StringBuilder(base.length());
    base.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0
        ? '_' : c));
    String safe = b.toString().strip();
    while (safe.endsWith(".")) { // Windows drops trailing dots; "." and ".." are no names
      safe = safe.substring(0, safe.length() - 1);
    }
    return safe.isBlank() ? "" : truncate(safe);
  }

  /** The {@code n}-th alternative of {@code name}: "report (n).pdf" (n = 0: the name itself). */
  static String numbered(String name, int n) {
    if (n == 0) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 ? name.substring(dot) : "";
    return fit(name.substring(0, name.length() - ext.length()), " (" + n + ")" + ext);
  }

  /** At most {@value #MAX_BYTES} UTF-8 bytes, cutting the stem, never a short extension or a character. */
  private static String truncate(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    return fit(name.substring(0, name.length() - ext.length()), ext);
  }

  /** {@code stem + tail}, the stem cut (at a character boundary) so that it fits in {@value #MAX_BYTES} bytes. */
  private static String fit(String stem, String tail) {
    int budget = MAX_BYTES - tail.getBytes(StandardCharsets.UTF_8).length;
    StringBuilder b = new StringBuilder();
    int used = 0;
    for (int i = 0; i < stem.length(); ) {
      int c = stem.codePointAt(i);
      int bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (used + bytes > budget) {
        break;
      }
      b.appendCodePoint(c);
      used += bytes;
      i += Character.charCount(c);
    }
    return b + tail;
  }
}
