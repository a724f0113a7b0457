package dev.vertigram.files;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileNamesTest {

  @Test
  void namesLoseDirectoriesSeparatorsAndControlCharacters() {
    assertEquals("passwd", FileNames.sanitize("../../etc/passwd"));
    assertEquals("x.exe", FileNames.sanitize("C:\\Windows\\x.exe"));
    assertEquals("a_b_c.txt", FileNames.sanitize("a\u0000b\nc.txt"));
    assertEquals("what_ now_.pdf", FileNames.sanitize("what? now*.pdf"));
    assertEquals("", FileNames.sanitize(".."));
    assertEquals("", FileNames.sanitize("dir/"));
    assertEquals("", FileNames.sanitize("  . "));
    assertEquals(".hidden", FileNames.sanitize(".hidden"));
  }

  @Test
  void longNamesKeepTheirExtensionWithin255Bytes() {
    String name = FileNames.sanitize("é".repeat(300) + ".tar");
    assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
    assertTrue(name.endsWith("é.tar"), name);
    String numbered = FileNames.numbered(name, 12);
    assertTrue(numbered.getBytes(StandardCharsets.UTF_8).length <= 255 && numbered.endsWith(" (12).tar"), numbered);
  }

  @Test
  void alternativesNumberTheStem() {
    assertEquals("report.pdf", FileNames.numbered("report.pdf", 0));
    assertEquals("report (2).pdf", FileNames.numbered("report.pdf", 2));
    assertEquals("README (1)", FileNames.numbered("README", 1));
    assertEquals(".bashrc (1)", FileNames.numbered(".bashrc", 1));
  }

  @Test
  void namelessFilesGetTheirIdAndAnExtensionFromTheMimeType() {
    JsonObject doc = new JsonObject().put("_", "inputDocumentFileLocation").put("id", -5L);
    assertEquals("document_18446744073709551611.mp4",
        FileNames.of(new FileLocation(doc, 1, 10, "", "video/MP4")));
    assertEquals("document_18446744073709551611.bin",
        FileNames.of(new FileLocation(doc, 1, 10, "/", "application/x-unknown")));
    JsonObject photo = new JsonObject().put("_", "inputPhotoFileLocation").put("id", 7L);
    assertEquals("photo_7.jpg", FileNames.of(new FileLocation(photo, 1, 10, "", "image/jpeg")));
  }
}
