package dev.vertigram.mtproto;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server salts of one auth key: the one in use and the future ones from {@code get_future_salts}. The session
 * switches to the next salt a minute before the current one expires, and asks for more when less than an hour is
 * covered. Every change the server makes is reported in a saved form ({@link #saved()}) that {@link #restore} takes
 * back, so that a session resumed after a restart starts with a salt the server accepts.
 */
final class SaltList {

  /** Switch this long before a salt's valid_until. */
  static final long SWITCH_MARGIN_SECONDS = 60;
  /** Ask for more salts when the known ones end sooner than this. */
  static final long LOW_WATER_SECONDS = 3600;

  private record FutureSalt(long validSince, long validUntil, long salt) {
  }

  private final List<FutureSalt> future = new ArrayList<>();
  private final Consumer<Buffer> onChange;
  private long current;

  /** @param onChange told the {@link #saved()} form whenever the server changed the salts */
  SaltList(long initial, Consumer<Buffer> onChange) {
    this.current = initial;
    this.onChange = onChange;
  }

  /** The salt to use now. */
  long current(long nowSeconds) {
    while (!future.isEmpty() && future.get(0).validUntil() <= nowSeconds + SWITCH_MARGIN_SECONDS) {
      future.remove(0);
    }
    for (FutureSalt salt : future) {
      if (salt.validSince() > nowSeconds) {
        break;
      }
      current = salt.salt();
    }
    return current;
  }

  /** A salt the server told us to use (bad_server_salt, new_session_created): it wins over the future list. */
  void replace(long salt) {
    current = salt;
    future.clear();
    onChange.accept(saved());
  }

  /** Stores the salts of a decoded {@code future_salts}. */
  void addFuture(JsonObject futureSalts) {
    future.clear();
    JsonArray salts = futureSalts.getJsonArray("salts", new JsonArray());
    for (int i = 0; i < salts.size(); i++) {
      JsonObject s = salts.getJsonObject(i);
      future.add(new FutureSalt(s.getLong("valid_since"), s.getLong("valid_until"), s.getLong("salt")));
    }
    future.sort(Comparator.comparingLong(FutureSalt::validSince));
    onChange.accept(saved());
  }

  /** The salts as bytes: the current one, then each future salt's valid_since, valid_until and salt. */
  Buffer saved() {
    Buffer out = Buffer.buffer(12 + 24 * future.size()).appendLong(current).appendInt(future.size());
    for (FutureSalt salt : future) {
      out.appendLong(salt.validSince()).appendLong(salt.validUntil()).appendLong(salt.salt());
    }
    return out;
  }

  /** Takes back a {@link #saved()} form; a malformed one is ignored (the server then sends bad_server_salt). */
  void restore(Buffer saved) {
    int count = saved.length() >= 12 ? saved.getInt(8) : -1;
    if (count < 0 || saved.length() != 12 + 24L * count) {
      return;
    }
    current = saved.getLong(0);
    future.clear();
    for (int i = 0, pos = 12; i < count; i++, pos += 24) {
      future.add(new FutureSalt(saved.getLong(pos), saved.getLong(pos + 8), saved.getLong(pos + 16)));
    }
  }

  /** Whether the known salts run out within {@value #LOW_WATER_SECONDS} s. */
  boolean runningLow(long nowSeconds) {
    return future.isEmpty() || future.get(future.size() - 1).validUntil() < nowSeconds + LOW_WATER_SECONDS;
  }
}
