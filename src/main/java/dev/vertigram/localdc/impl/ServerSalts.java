package dev.vertigram.localdc.impl;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The server salts of one auth key: each salt is current for {@value #PERIOD} s and stays valid {@value #OVERLAP} s
 * longer, so a client that just missed a change is not refused. The first salt is the one the key exchange set
 * (new_nonce[0:8] XOR server_nonce[0:8]); later ones are random. Thread-safe (a key may be touched by test hooks).
 */
final class ServerSalts {

  static final int PERIOD = 1800;
  static final int OVERLAP = 1800;

  /** One salt and the time range in which it is accepted. */
  record Salt(long validSince, long validUntil, long salt) {
  }

  private final ArrayDeque<Salt> salts = new ArrayDeque<>();
  private final SecureRandom random;

  ServerSalts(long firstSalt, long nowSeconds, SecureRandom random) {
    this.random = random;
    salts.add(new Salt(nowSeconds, nowSeconds + PERIOD + OVERLAP, firstSalt));
  }

  synchronized boolean accepts(long salt, long now) {
    refresh(now);
    for (Salt s : salts) {
      if (s.salt() == salt && s.validSince() <= now && now < s.validUntil()) {
        return true;
      }
    }
    return false;
  }

  /** The salt the server uses now (the newest one already valid). */
  synchronized long current(long now) {
    refresh(now);
    long current = salts.getFirst().salt();
    for (Salt s : salts) {
      if (s.validSince() <= now) {
        current = s.salt();
      }
    }
    return current;
  }

  /** {@code num} salts from the current one on (for get_future_salts). */
  synchronized List<Salt> future(long now, int num) {
    refresh(now);
    while (salts.getLast().validSince() < now + (long) (num - 1) * PERIOD) {
      append();
    }
    List<Salt> out = new ArrayList<>(num);
    for (Salt s : salts) {
      if (s.validSince() + PERIOD > now && out.size() < num) {
        out.add(s);
      }
    }
    return out;
  }

  /** Forgets every salt and starts a new random one now (the bad-server-salt fault). */
  synchronized long rotate(long now) {
    salts.clear();
    long salt = random.nextLong();
    salts.add(new Salt(now, now + PERIOD + OVERLAP, salt));
    return salt;
  }

  /** Drops expired salts and makes sure one is current at {@code now}. */
  private void refresh(long now) {
    while (!salts.isEmpty() && salts.getFirst().validUntil() <= now) {
      salts.removeFirst();
    }
    if (salts.isEmpty()) {
      salts.add(new Salt(now, now + PERIOD + OVERLAP, random.nextLong()));
    }
    while (salts.getLast().validSince() + PERIOD <= now) {
      append();
    }
  }

  private void append() {
    long since = salts.getLast().validSince() + PERIOD;
    salts.add(new Salt(since, since + PERIOD + OVERLAP, random.nextLong()));
  }
}
