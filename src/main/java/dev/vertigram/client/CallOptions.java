package dev.vertigram.client;

import io.vertx.core.MultiMap;

/**
 * Options of one call; unset fields fall back to the {@link ClientOptions}. On the event bus the same options travel
 * as message headers ({@link #fromHeaders}).
 */
public final class CallOptions {

  /** The defaults: client-wide flood wait limit and timeout, no queue, home DC. */
  public static final CallOptions DEFAULT = new CallOptions();

  private int floodWaitLimit = -1;
  private long timeoutMillis = -1;
  private String queueId;
  private CancellationToken cancellation;
  private int dcId;
  private boolean media;

  private void mutable() {
    if (this == DEFAULT) {
      throw new IllegalStateException("CallOptions.DEFAULT is shared and cannot be changed: use CallOptions.create()");
    }
  }

  /** New options with every field unset. */
  public static CallOptions create() {
    return new CallOptions();
  }

  /** Reads options from event bus headers: floodWaitLimit, timeout (ms), queueId, dcId, media. */
  public static CallOptions fromHeaders(MultiMap headers) {
    CallOptions o = new CallOptions();
    if (headers == null) {
      return o;
    }
    String v;
    if ((v = headers.get("floodWaitLimit")) != null) {
      o.floodWaitLimit = Integer.parseInt(v);
    }
    if ((v = headers.get("timeout")) != null) {
      o.timeoutMillis = Long.parseLong(v);
    }
    o.queueId = headers.get("queueId");
    if ((v = headers.get("dcId")) != null) {
      o.dcId = Integer.parseInt(v);
    }
    o.media = Boolean.parseBoolean(headers.get("media"));
    return o;
  }

  /** Longest FLOOD_WAIT (seconds) slept through and retried; longer ones fail. -1 = the client's. */
  public int floodWaitLimit() {
    return floodWaitLimit;
  }

  public CallOptions floodWaitLimit(int seconds) {
    mutable();
    this.floodWaitLimit = seconds;
    return this;
  }

  /** Time limit of the whole call, retries included, in ms; 0 = none, -1 = the client's. */
  public long timeoutMillis() {
    return timeoutMillis;
  }

  public CallOptions timeoutMillis(long millis) {
    mutable();
    this.timeoutMillis = millis;
    return this;
  }

  /** Calls with the same queue id run one after the other on the server (invokeAfterMsg). */
  public String queueId() {
    return queueId;
  }

  public CallOptions queueId(String queueId) {
    mutable();
    this.queueId = queueId;
    return this;
  }

  /** The token that cancels this call, or null. */
  public CancellationToken cancellation() {
    return cancellation;
  }

  public CallOptions cancellation(CancellationToken token) {
    mutable();
    this.cancellation = token;
    return this;
  }

  /** The DC to call; 0 = the home DC. */
  public int dcId() {
    return dcId;
  }

  public CallOptions dcId(int dcId) {
    mutable();
    this.dcId = dcId;
    return this;
  }

  /** Whether to use the DC's media connection (file transfers) rather than its main one. */
  public boolean media() {
    return media;
  }

  public CallOptions media(boolean media) {
    mutable();
    this.media = media;
    return this;
  }
}
