package dev.vertigram.updates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link EventHandler} method {@code void m(JsonObject update)} (or returning a {@code Future}) called for
 * each update its filter accepts. The filter is an expression over the update:
 *
 * <pre>
 *   expr   := term { ("and" | "or") term }      "and" binds tighter than "or"
 *   term   := "not" term | "(" expr ")" | atom
 *   atom   := incoming | outgoing | private | group | channel | media
 *           | command(start) | text('exact text') | regex('^h(i|ello)') | sender(@username) | sender(12345)
 * </pre>
 *
 * <p>An empty filter accepts every update. Every atom is about a new message (updateNewMessage,
 * updateNewChannelMessage) and rejects other updates. {@code command(start)} accepts "/start", "/start args" and
 * "/start@thisbot"; {@code group} is a basic group or a supergroup, {@code channel} a broadcast post.
 * {@code sender(@name)} is resolved through the peer database once, at start.
 *
 * <pre>{@code
 *   @Handler("incoming and (command(start) or text('hi'))")
 *   void greet(JsonObject update) { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Handler {
  /** The filter expression; empty accepts every update. */
  String value() default "";
}
