package dev.vertigram.parse;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The message entities that have a markup in HTML or MarkdownV2. Entities Telegram detects by itself (mentions,
 * hashtags, URLs, e-mails, phone numbers...) have none: formatters keep them as plain text.
 */
enum EntityKind {
  BLOCKQUOTE("messageEntityBlockquote", 0, 0),
  PRE("messageEntityPre", 11, 8),
  CODE("messageEntityCode", 20, 9),
  TEXT_URL("messageEntityTextUrl", 49, 1),
  MENTION_NAME("inputMessageEntityMentionName", 49, 1),
  BOLD("messageEntityBold", 90, 2),
  ITALIC("messageEntityItalic", 91, 3),
  UNDERLINE("messageEntityUnderline", 92, 4),
  STRIKE("messageEntityStrike", 93, 5),
  SPOILER("messageEntitySpoiler", 94, 6),
  CUSTOM_EMOJI("messageEntityCustomEmoji", 99, 7);

  private static final Map<String, EntityKind> BY_NAME = new HashMap<>();

  static {
    for (EntityKind kind : values()) {
      BY_NAME.put(kind.tlName, kind);
    }
    BY_NAME.put("messageEntityMentionName", MENTION_NAME);
  }

  /** Constructor the parsers produce. */
  final String tlName;
  /** Order of entities sharing an offset and a length in parser output (Telegram's, lowest first). */
  final int priority;
  /** Nesting depth when formatting entities that share a range: lowest is outermost; code and pre innermost. */
  final int depth;

  EntityKind(String tlName, int priority, int depth) {
    this.tlName = tlName;
    this.priority = priority;
    this.depth = depth;
  }

  /** The kind of a TL constructor name, or null when it has no markup. */
  static EntityKind of(String tlName) {
    return tlName == null ? null : BY_NAME.get(tlName);
  }

  /** Code and pre: their content is literal, no other markup inside (in MarkdownV2). */
  boolean isLeaf() {
    return this == CODE || this == PRE;
  }

  /**
   * Comparator of the order in which entities are opened at the same position: longest, then outermost first; it
   * depends on the entities only, not on their order in the array.
   */
  static final Comparator<Span> NESTING = Comparator.comparingInt((Span s) -> -s.end)
    .thenComparingInt(s -> s.kind.depth)
    .thenComparing(s -> s.kind)
    .thenComparing(s -> s.attributes);
}
