package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.Srp;
import dev.vertigram.localdc.world.Password;
import dev.vertigram.localdc.world.User;
import dev.vertigram.localdc.world.World;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The accounts of the {@code accounts} option, created at start when missing (so a snapshot keeps the ones it has,
 * with their changes). Each entry is {@code {"phone": "99966...", "first_name": "...", "last_name": "...",
 * "username": "...", "password": "...", "hint": "...", "home_dc": 2}} for a person or {@code {"bot_token":
 * "<id>:<secret>", "first_name": ..., "username": ..., "home_dc": 2}} for a bot; home_dc defaults to 2.
 */
final class Accounts {

  private static final Logger log = LoggerFactory.getLogger(Accounts.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Accounts() {
  }

  /** Creates the missing accounts of {@code accounts} in {@code w}; IllegalArgumentException on a bad entry. */
  static void create(World w, JsonArray accounts) {
    w.locked(() -> {
      for (int i = 0; i < accounts.size(); i++) {
        create(w, accounts.getJsonObject(i));
      }
      return null;
    });
  }

  private static void create(World w, JsonObject a) {
    int homeDc = a.getInteger("home_dc", 2);
    String token = a.getString("bot_token");
    User u;
    if (token != null) {
      int colon = token.indexOf(':');
      if (colon <= 0 || colon == token.length() - 1) {
        throw new IllegalArgumentException("accounts: bad bot_token (expected <bot id>:<secret>)");
      }
      long id = Long.parseLong(token.substring(0, colon));
      if (w.user(id) != null) {
        return;
      }
      u = w.createBot(id, token.substring(colon + 1), homeDc);
    } else {
      String phone = a.getString("phone", "").replaceAll("\\D", "");
      if (phone.isEmpty()) {
        throw new IllegalArgumentException("accounts: an entry needs a phone or a bot_token");
      }
      if (w.userByPhone(phone) != null) {
        return;
      }
      u = w.createUser(phone, a.getString("first_name", phone), a.getString("last_name", ""), homeDc);
      String password = a.getString("password");
      if (password != null) {
        u.password(password(password, a.getString("hint")));
      }
    }
    if (a.containsKey("first_name")) {
      u.name(a.getString("first_name"), a.getString("last_name", ""));
    }
    String username = a.getString("username");
    if (username != null && !(World.validUsername(username) && w.setUsername(u, username))) {
      log.warn("accounts: username {} of user {} is invalid or taken", username, u.id());
    }
    log.info("accounts: created user {} on DC {}", u.id(), homeDc);
  }

  /** A 2FA password as a client setting it would make it (SRP verifier, random salts). */
  private static Password password(String password, String hint) {
    byte[] salt1 = new byte[40];
    byte[] salt2 = new byte[16];
    RANDOM.nextBytes(salt1);
    RANDOM.nextBytes(salt2);
    byte[] v = Srp.verifier(password.getBytes(StandardCharsets.UTF_8), salt1, salt2, World.SRP_G, World.srpPrime());
    return new Password(salt1, salt2, v, hint);
  }
}
