package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.RsaKeyPair;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.tl.TlCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import dev.vertigram.localdc.world.World;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running Local DC behind {@link dev.vertigram.localdc.LocalDc}: its DCs (one {@link DcVerticle} each), and what
 * they share (RSA key, faults, stats, method registry, exported authorizations, login codes and QR tokens).
 */
public final class ServerCore {

  private final Vertx vertx;
  private final LocalDcOptions options;
  private final RsaKeyPair rsa;
  private final FaultSwitches faults = new FaultSwitches();
  private final Stats stats = new Stats();
  private final TlCodec codec = TlCodec.api();
  private final ResultEncoder encoder = new ResultEncoder(codec);
  private final RpcDispatcher rpc;
  private final ExportedAuthorizations exports = new ExportedAuthorizations();
  private final FileStore files;
  private final UpdatePusher pusher = new UpdatePusher();
  private final SecretChats secretChats = new SecretChats();
  private final LoginTokens loginTokens = new LoginTokens();
  private final LoginCodes loginCodes = new LoginCodes();
  private final Social social;
  private final Persistence persistence;
  private final Map<Integer, DcState> dcs = new TreeMap<>();
  private final List<String> deployments = new ArrayList<>();

  /** A Local DC with an empty world. */
  public ServerCore(Vertx vertx, LocalDcOptions options, RsaKeyPair rsa) {
    this(vertx, options, rsa, null);
  }

  /**
   * Loads or generates the RSA key and loads the snapshot when {@link LocalDcOptions#snapshotEnabled()} (off the
   * event loop), then builds the core (not started yet).
   */
  public static Future<ServerCore> open(Vertx vertx, LocalDcOptions options) {
    return vertx.executeBlocking(() -> {
      RsaKeyPair rsa = PrivateFiles.loadOrCreateRsaKey(options.rsaKeyFile());
      Snapshot.Contents snapshot = options.snapshotEnabled() ? Snapshot.load(Path.of(options.stateDir())) : null;
      return new ServerCore(vertx, options, rsa, snapshot);
    });
  }

  private ServerCore(Vertx vertx, LocalDcOptions options, RsaKeyPair rsa, Snapshot.Contents snapshot) {
    this.vertx = vertx;
    this.options = options;
    this.rsa = rsa;
    faults.apply(options.faults());
    World world = snapshot != null ? snapshot.world() : new World();
    files = new FileStore(options.uploadPartsTtlSeconds() * 1000L, options.fileReferenceTtlSeconds() * 1000L,
        world.derivedSecret("file_reference"), System::currentTimeMillis);
    rpc = new RpcDispatcher(MethodRegistry.standard(), encoder, faults, stats, pusher,
        new FloodLimiter(options.floodLimits()));
    social = new Social(this, world);
    options.ports().keySet().forEach(id -> dcs.put(id, new DcState(id, this)));
    persistence = options.snapshotEnabled() ? new Persistence(this, Path.of(options.stateDir())) : null;
    if (snapshot != null) {
      persistence.apply(snapshot);
    }
    Accounts.create(social.world(), options.accounts());
  }

  /** Binds every DC, one after the other. */
  public Future<Void> start() {
    Future<Void> chain = Future.succeededFuture();
    for (DcState dc : dcs.values()) {
      int port = options.ports().get(dc.id());
      chain = chain.compose(v -> vertx.deployVerticle(new DcVerticle(dc, options.host(), port)))
          .map(id -> {
            deployments.add(id);
            return null;
          });
    }
    return chain.onSuccess(v -> {
      if (persistence != null) {
        persistence.startTimer(options.snapshotIntervalSeconds());
      }
    });
  }

  /** Undeploys every DC (closing their servers) still deployed (children of an undeployed verticle already are not). */
  public Future<Void> stop() {
    List<Future<Void>> all = new ArrayList<>();
    deployments.stream().filter(vertx.deploymentIDs()::contains).forEach(id -> all.add(vertx.undeploy(id)));
    Future<Void> undeployed = Future.all(all).mapEmpty();
    return persistence == null ? undeployed : undeployed.eventually(persistence::stop);
  }

  /** The bound DCs in id order. */
  public List<DcEndpoint> endpoints() {
    List<DcEndpoint> out = new ArrayList<>();
    dcs.values().forEach(dc -> {
      if (dc.endpoint() != null) {
        out.add(dc.endpoint());
      }
    });
    return out;
  }

  public FaultSwitches faults() {
    return faults;
  }

  public Stats stats() {
    return stats;
  }

  public RsaKeyPair rsa() {
    return rsa;
  }

  /** Logs {@code userId} in on the key {@code authKeyId} (of whichever DC has it); false when no DC knows the key. */
  public boolean authorize(long authKeyId, long userId) {
    for (DcState dc : dcs.values()) {
      StoredKey key = dc.keys().find(authKeyId, dc.clock().millis());
      if (key != null) {
        social.world().locked(() -> social.world().userWithId(userId, dc.id()));
        key.userId(userId);
        return true;
      }
    }
    return false;
  }

  Vertx vertx() {
    return vertx;
  }

  LocalDcOptions options() {
    return options;
  }

  TlCodec codec() {
    return codec;
  }

  ResultEncoder encoder() {
    return encoder;
  }

  RpcDispatcher rpc() {
    return rpc;
  }

  ExportedAuthorizations exports() {
    return exports;
  }

  FileStore files() {
    return files;
  }

  Social social() {
    return social;
  }

  UpdatePusher pusher() {
    return pusher;
  }

  SecretChats secretChats() {
    return secretChats;
  }

  LoginTokens loginTokens() {
    return loginTokens;
  }

  LoginCodes loginCodes() {
    return loginCodes;
  }

  /** The served DCs in id order. */
  java.util.Collection<DcState> dcs() {
    return dcs.values();
  }

  /** Saves a snapshot now (when snapshots are on); the future completes once it is on disk. */
  public Future<Void> saveSnapshot() {
    return persistence == null ? Future.succeededFuture() : persistence.save();
  }

  /** The DC with that id, or null when it is not served. */
  DcState dc(int id) {
    return dcs.get(id);
  }
}
