package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.tl.TlCodec;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.security.SecureRandom;

/**
 * Everything one DC owns: its keys, sessions, pending handshakes, clock and the per-DC parts of the pipeline.
 * Threading model: each DC is one {@link DcVerticle} (one event loop); its connections, sessions and handshakes are
 * only touched there. What other threads reach (keys for the test hooks, stats, faults, exported authorizations) is
 * thread-safe.
 */
final class DcState {

  private final int id;
  private final ServerCore core;
  private final SecureRandom random = new SecureRandom();
  private final KeyStore keys = new KeyStore();
  private final ServerClock clock;
  private final SessionStore sessions = new SessionStore(this);
  private final Handshake handshake;
  private final EncryptedLayer encryptedLayer = new EncryptedLayer(this);
  private final MessageDispatcher dispatcher;
  private volatile DcEndpoint endpoint;
  private volatile Context context;

  DcState(int id, ServerCore core) {
    this.id = id;
    this.core = core;
    this.clock = new ServerClock(core.faults());
    this.handshake = new Handshake(this);
    this.dispatcher = new MessageDispatcher(this, core.rpc(), core.encoder());
  }

  int id() {
    return id;
  }

  ServerCore core() {
    return core;
  }

  Vertx vertx() {
    return core.vertx();
  }

  SecureRandom random() {
    return random;
  }

  KeyStore keys() {
    return keys;
  }

  ServerClock clock() {
    return clock;
  }

  SessionStore sessions() {
    return sessions;
  }

  Handshake handshake() {
    return handshake;
  }

  EncryptedLayer encryptedLayer() {
    return encryptedLayer;
  }

  MessageDispatcher dispatcher() {
    return dispatcher;
  }

  FaultSwitches faults() {
    return core.faults();
  }

  Stats stats() {
    return core.stats();
  }

  TlCodec codec() {
    return core.codec();
  }

  /** Where the DC listens, null until its server is bound. */
  DcEndpoint endpoint() {
    return endpoint;
  }

  void endpoint(DcEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** The DC's event loop, null until it is deployed. */
  Context context() {
    return context;
  }

  void context(Context context) {
    this.context = context;
  }
}
