package dev.vertigram.parse;

import io.vertx.core.json.JsonArray;

/** Text and entities to Telegram's HTML (the tags {@link HtmlParser} reads back to the same entities). */
final class HtmlRenderer extends EntityRenderer {

  private HtmlRenderer(String text) {
    super(text);
  }

  static String format(String text, JsonArray entities) {
    return new HtmlRenderer(text).render(Spans.of(text, entities));
  }

  @Override
  protected void text(int from, int to) {
    HtmlText.escape(text, from, to, false, out);
  }

  @Override
  protected void open(Span span) {
    switch (span.kind) {
      case BOLD -> out.append("<b>");
      case ITALIC -> out.append("<i>");
      case UNDERLINE -> out.append("<u>");
      case STRIKE -> out.append("<s>");
      case SPOILER -> out.append("<tg-spoiler>");
      case CODE -> out.append("<code>");
      case PRE -> {
        out.append("<pre>");
        if (!Spans.language(span.entity).isEmpty()) {
          attribute("<code class=\"language-", Spans.language(span.entity));
        }
      }
      case TEXT_URL -> attribute("<a href=\"", span.entity.getString("url"));
      case MENTION_NAME -> attribute("<a href=\"", Links.userUrl(Spans.userId(span.entity)));
      case CUSTOM_EMOJI -> attribute("<tg-emoji emoji-id=\"", span.entity.getValue("document_id").toString());
      case BLOCKQUOTE -> out.append(Spans.collapsed(span.entity) ? "<blockquote expandable>" : "<blockquote>");
    }
  }

  @Override
  protected void close(Span span) {
    out.append(switch (span.kind) {
      case BOLD -> "</b>";
      case ITALIC -> "</i>";
      case UNDERLINE -> "</u>";
      case STRIKE -> "</s>";
      case SPOILER -> "</tg-spoiler>";
      case CODE -> "</code>";
      case PRE -> Spans.language(span.entity).isEmpty() ? "</pre>" : "</code></pre>";
      case TEXT_URL, MENTION_NAME -> "</a>";
      case CUSTOM_EMOJI -> "</tg-emoji>";
      case BLOCKQUOTE -> "</blockquote>";
    });
  }

  private void attribute(String prefix, String value) {
    out.append(prefix);
    HtmlText.escape(value, 0, value.length(), true, out);
    out.append("\">");
  }
}
