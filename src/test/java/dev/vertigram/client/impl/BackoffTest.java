package dev.vertigram.client.impl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reconnect delays: immediate once, then doubling with jitter up to the cap, reset by a healthy connection. */
class BackoffTest {

  @Test
  void doublesWithJitterUpToTheCap() {
    Backoff b = new Backoff();
    assertEquals(0, b.next(0));
    long step = Backoff.FIRST_MILLIS;
    for (int i = 0; i < 12; i++) {
      long d = b.next(0);
      assertTrue(d >= step / 2 && d <= step, d + " not in [" + step / 2 + ", " + step + "]");
      step = Math.min(Backoff.MAX_MILLIS, step * 2);
    }
    assertEquals(Backoff.MAX_MILLIS, step);
  }

  @Test
  void aHealthyConnectionResetsTheSequenceAShortOneDoesNot() {
    Backoff b = new Backoff();
    b.next(0);
    b.next(0);
    b.up(1000);
    assertTrue(b.next(1000 + Backoff.HEALTHY_MILLIS - 1) >= Backoff.FIRST_MILLIS, "a short connection keeps backing off");
    b.up(50_000);
    assertEquals(0, b.next(50_000 + Backoff.HEALTHY_MILLIS), "retried at once after a healthy connection");
    b.next(0);
    b.reset();
    assertEquals(0, b.next(0), "a reconnect of our own is immediate");
  }

  @Test
  void aFloodRefusalSetsAFloor() {
    Backoff b = new Backoff();
    b.atLeast(1000);
    assertEquals(1000, b.next(0));
    assertTrue(b.next(0) <= Backoff.FIRST_MILLIS, "the floor holds once");
  }
}
