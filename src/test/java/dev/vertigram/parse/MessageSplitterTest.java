package dev.vertigram.parse;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.vertigram.parse.E.bold;
import static dev.vertigram.parse.E.emoji;
import static dev.vertigram.parse.E.text;
import static dev.vertigram.parse.E.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageSplitterTest {

  @Test
  void shortMessageIsOnePart() {
    ParsedText message = text("hello", bold(0, 5));
    assertEquals(List.of(message), MessageSplitter.split(message));
    assertEquals(List.of(text("")), MessageSplitter.split(text("")));
  }

  @Test
  void prefersNewlinesThenSpacesInTheSecondHalfOfTheWindow() {
    assertEquals(List.of("aaaa\n", "bb cc"), texts(MessageSplitter.split(text("aaaa\nbb cc"), 8)));
    assertEquals(List.of("aa bb ", "cc"), texts(MessageSplitter.split(text("aa bb cc"), 6)));
    assertEquals(List.of("a\nbbbbb ", "cc"), texts(MessageSplitter.split(text("a\nbbbbb cc"), 8)),
      "a newline too early gives way to a space");
    assertEquals(List.of("abcd", "efgh", "ij"), texts(MessageSplitter.split(text("abcdefghij"), 4)));
  }

  @Test
  void neverSplitsASurrogatePair() {
    assertEquals(List.of("abc", "👍d"), texts(MessageSplitter.split(text("abc👍d"), 4)));
    assertEquals(List.of("👍", "👍", "👍"), texts(MessageSplitter.split(text("👍👍👍"), 3)));
  }

  @Test
  void avoidsCuttingACustomEmoji() {
    assertEquals(List.of("ab", "😀x"), texts(MessageSplitter.split(text("ab😀x", emoji(2, 2, 7)), 3)));
  }

  @Test
  void entitiesAreCutAndRebased() {
    ParsedText message = text("aaaa bbbb", bold(2, 5), url(6, 3, "u"));
    List<ParsedText> parts = MessageSplitter.split(message, 5);
    assertEquals(List.of(text("aaaa ", bold(2, 3)), text("bbbb", bold(0, 2), url(1, 3, "u"))), parts);
  }

  @Test
  void limitMustHoldASurrogatePair() {
    assertThrows(IllegalArgumentException.class, () -> MessageSplitter.split(text("abc"), 1));
  }

  @Test
  void randomMessagesSplitWithinTheLimitAndLoseNothing() {
    Random random = new Random(7);
    String[] pieces = {"a", "bc", " ", "\n", "👍", "🇺🇦", "é"};
    for (int round = 0; round < 500; round++) {
      StringBuilder sb = new StringBuilder();
      while (sb.length() < 200 + random.nextInt(400)) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      List<JsonObject> entities = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int a = random.nextInt(text.length());
        int b = a + 1 + random.nextInt(text.length() - a);
        entities.add(bold(a, b - a).put("_", List.of("messageEntityBold", "messageEntityItalic").get(i % 2)));
      }
      ParsedText message = text(text, entities.toArray(new JsonObject[0]));
      int limit = 2 + random.nextInt(120);
      List<ParsedText> parts = MessageSplitter.split(message, limit);
      StringBuilder joined = new StringBuilder();
      for (ParsedText part : parts) {
        assertTrue(part.text().length() <= limit && !part.text().isEmpty());
        assertFalse(Character.isLowSurrogate(part.text().charAt(0)), "a part starts inside a surrogate pair");
        joined.append(part.text());
      }
      assertEquals(text, joined.toString());
      assertEquals(ParseFuzzTest.coverage(message), coverage(parts));
    }
  }

  private static List<Set<String>> coverage(List<ParsedText> parts) {
    List<Set<String>> coverage = new ArrayList<>();
    for (ParsedText part : parts) {
      coverage.addAll(ParseFuzzTest.coverage(part));
    }
    return coverage;
  }

  private static List<String> texts(List<ParsedText> parts) {
    return parts.stream().map(ParsedText::text).toList();
  }
}
