package dev.vertigram.updates.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One update sequence (the common pts, qts or seq, or one channel's pts): its local value and the items held back
 * while a gap is open, sorted by the value they start from.
 */
final class SequenceBox {

  /** An update (or a batch) that moves the sequence from {@code start} to {@code end} when applied. */
  record Item(int start, int end, Runnable apply) {
  }

  final long channelId;
  /** The local value; null while unknown (a channel seen for the first time). */
  Integer state;
  long gapTimer = -1;
  boolean recovering;
  private final TreeMap<Integer, List<Item>> held = new TreeMap<>();

  SequenceBox(long channelId, Integer state) {
    this.channelId = channelId;
    this.state = state;
  }

  /** Holds {@code item} until the gap before it is filled or recovered. */
  void hold(Item item) {
    held.computeIfAbsent(item.start(), k -> new ArrayList<>(1)).add(item);
  }

  boolean hasHeld() {
    return !held.isEmpty();
  }

  /**
   * Applies what the local value now reaches, in order, and drops what is already applied.
   *
   * @return true when items are still held behind a gap
   */
  boolean drain() {
    while (!held.isEmpty()) {
      int start = held.firstKey();
      if (start > state) {
        return true;
      }
      for (Item item : held.remove(start)) {
        if (item.start() == state) {
          item.apply().run();
          state = item.end();
        }
      }
    }
    return false;
  }

  /** Takes every held item out, in order (to offer them again after a recovery). */
  List<Item> takeHeld() {
    List<Item> out = new ArrayList<>();
    held.values().forEach(out::addAll);
    held.clear();
    return out;
  }
}
