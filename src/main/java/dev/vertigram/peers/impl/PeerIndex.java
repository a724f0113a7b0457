package dev.vertigram.peers.impl;

/**
 * The in-RAM part of the peer database: bot-API id to access hash, kind and a hash of the stored value, in three
 * primitive arrays (open addressing, linear probing, no boxing): 21 bytes per slot, about 28 per peer at the 0.75 load
 * factor. Everything else about a peer stays in the store. Thread-safe through its monitor.
 */
public final class PeerIndex {

  /** Kinds, the low 4 bits of {@link #kind}. */
  public static final byte USER = 1;
  public static final byte BOT = 2;
  public static final byte CHAT = 3;
  public static final byte SUPERGROUP = 4;
  public static final byte CHANNEL = 5;
  /** Flag: only a min constructor was seen (its access hash may not be usable). */
  public static final byte MIN = 0x10;

  private long[] keys = new long[16];
  private long[] hashes = new long[16];
  private int[] valueHashes = new int[16];
  private byte[] kinds = new byte[16];
  private int size;

  /** Number of peers. */
  public synchronized int size() {
    return size;
  }

  /** Kind and flags of a peer, 0 when unknown. */
  public synchronized byte kind(long id) {
    int i = find(id);
    return i < 0 ? 0 : kinds[i];
  }

  /** The access hash of a peer (0 when unknown or none). */
  public synchronized long accessHash(long id) {
    int i = find(id);
    return i < 0 ? 0 : hashes[i];
  }

  /** The hash of the value last stored for a peer (0 when unknown). */
  public synchronized int valueHash(long id) {
    int i = find(id);
    return i < 0 ? 0 : valueHashes[i];
  }

  /** Adds or replaces a peer; {@code id} must not be 0. */
  public synchronized void put(long id, byte kind, long accessHash, int valueHash) {
    if ((size + 1) * 4L > keys.length * 3L) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(id, mask);
    while (keys[i] != 0 && keys[i] != id) {
      i = (i + 1) & mask;
    }
    if (keys[i] == 0) {
      size++;
    }
    keys[i] = id;
    kinds[i] = kind;
    hashes[i] = accessHash;
    valueHashes[i] = valueHash;
  }

  private int find(long id) {
    int mask = keys.length - 1;
    int i = slot(id, mask);
    while (keys[i] != 0) {
      if (keys[i] == id) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  private void grow() {
    long[] k = keys;
    long[] h = hashes;
    int[] v = valueHashes;
    byte[] t = kinds;
    int capacity = k.length * 2;
    keys = new long[capacity];
    hashes = new long[capacity];
    valueHashes = new int[capacity];
    kinds = new byte[capacity];
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (k[i] != 0) {
        put(k[i], t[i], h[i], v[i]);
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
