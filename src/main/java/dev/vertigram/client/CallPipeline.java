package dev.vertigram.client;

import dev.vertigram.parse.MessageSplitter;
import dev.vertigram.parse.ParseMode;
import dev.vertigram.parse.ParsedText;
import dev.vertigram.peers.PeerDatabase;
import dev.vertigram.peers.impl.InputPeers;
import dev.vertigram.tl.TlCombinator;
import dev.vertigram.tl.TlParam;
import dev.vertigram.tl.TlSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * What {@link Vertigram#call} does around the RPC: peer-ish fields (typed InputPeer, InputUser, InputChannel or
 * vectors of them) given as ids, @usernames, links, "me" or TL objects become input constructors; {@code parse_mode}
 * turns {@code message} into text + entities; a text over the length limit is sent as several messages in order (one
 * queue); every result feeds the peer database.
 */
final class CallPipeline {

  private static final TlSchema SCHEMA = TlSchema.api();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PeerDatabase peers;
  private final BiFunction<JsonObject, CallOptions, Future<JsonObject>> rpc;

  CallPipeline(PeerDatabase peers, BiFunction<JsonObject, CallOptions, Future<JsonObject>> rpc) {
    this.peers = peers;
    this.rpc = rpc;
  }

  Future<JsonObject> call(JsonObject method, CallOptions options) {
    TlCombinator c = SCHEMA.method(method.getString("_", ""));
    if (c == null) {
      return send(method, options);
    }
    JsonObject m = method.copy();
    List<ParsedText> parts;
    try {
      parts = parse(m);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return resolve(c, m).compose(v -> parts.size() <= 1 ? send(withText(c, m, parts), options) : split(c, m, parts,
        options));
  }

  private Future<JsonObject> send(JsonObject method, CallOptions options) {
    return rpc.apply(method, options).map(result -> {
      peers.feed(result);
      return result;
    });
  }

  /** Sends the parts one after the other on the server (same queue); the result is the last part's. */
  private Future<JsonObject> split(TlCombinator c, JsonObject m, List<ParsedText> parts, CallOptions options) {
    CallOptions queued = CallOptions.create().floodWaitLimit(options.floodWaitLimit())
        .timeoutMillis(options.timeoutMillis()).cancellation(options.cancellation()).dcId(options.dcId())
        .queueId(options.queueId() != null ? options.queueId() : "split-" + UUID.randomUUID());
    List<Future<JsonObject>> sends = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      JsonObject copy = m.copy();
      copy.remove("random_id");
      if (i > 0) {
        copy.remove("media");
      }
      JsonObject part = withText(c, copy, List.of(parts.get(i)));
      sends.add(send(part, queued));
    }
    return Future.all(sends).map(all -> sends.get(sends.size() - 1).result());
  }

  /** Removes parse_mode and returns the message's parts (empty when the method has no message to parse). */
  private static List<ParsedText> parse(JsonObject m) {
    Object mode = m.remove("parse_mode");
    if (!(m.getValue("message") instanceof String text)) {
      return List.of();
    }
    ParsedText parsed = mode == null ? new ParsedText(text, m.getJsonArray("entities"))
        : ParseMode.of(String.valueOf(mode)).parse(text);
    return MessageSplitter.split(parsed);
  }

  private static JsonObject withText(TlCombinator c, JsonObject m, List<ParsedText> parts) {
    if (parts.size() == 1) {
      m.put("message", parts.get(0).text());
      if (parts.get(0).entities().isEmpty()) {
        m.remove("entities");
      } else {
        m.put("entities", parts.get(0).entities());
      }
    }
    if (has(c, "random_id") && !m.containsKey("random_id")) {
      m.put("random_id", RANDOM.nextLong());
    }
    return m;
  }

  private Future<Void> resolve(TlCombinator c, JsonObject m) {
    List<Future<?>> all = new ArrayList<>();
    for (TlParam p : c.params()) {
      Object value = m.getValue(p.name());
      String type = p.type();
      if (value == null || !type.matches("(Vector<)?Input(Peer|User|Channel)>?")) {
        continue;
      }
      String elem = type.startsWith("Vector<") ? type.substring(7, type.length() - 1) : type;
      if (value instanceof JsonArray list && type.startsWith("Vector<")) {
        for (int i = 0; i < list.size(); i++) {
          int at = i;
          all.add(input(elem, list.getValue(i)).onSuccess(v -> list.set(at, v)));
        }
      } else {
        all.add(input(elem, value).onSuccess(v -> m.put(p.name(), v)));
      }
    }
    return Future.all(all).mapEmpty();
  }

  private Future<JsonObject> input(String type, Object value) {
    if (value instanceof JsonObject o) {
      TlCombinator k = SCHEMA.constructor(o.getString("_", ""));
      if (k != null && k.type().equals(type)) {
        return Future.succeededFuture(o);
      }
    }
    Future<JsonObject> peer = peers.inputPeer(value);
    return switch (type) {
      case "InputUser" -> peer.map(InputPeers::toInputUser);
      case "InputChannel" -> peer.map(InputPeers::toInputChannel);
      default -> peer;
    };
  }

  private static boolean has(TlCombinator c, String param) {
    return c.params().stream().anyMatch(p -> p.name().equals(param));
  }
}
