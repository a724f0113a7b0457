package dev.vertigram.ipc;

/** Options of the IPC endpoint and of the forwarding client. */
public final class IpcOptions {

  private int maxFrameBytes = 16 * 1024 * 1024;
  private boolean tcp;
  private int dedupeCapacity = 100_000;
  private long reconnectDelayMillis = 50;
  private long idleExitMillis;
  private long startTimeoutMillis = 30_000;

  /** Largest frame accepted (either way); a bigger one closes the connection. Default 16 MiB. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  public IpcOptions maxFrameBytes(int bytes) {
    this.maxFrameBytes = bytes;
    return this;
  }

  /** Serve on TCP 127.0.0.1 (random port) instead of a UNIX domain socket: the fallback. Default false. */
  public boolean tcp() {
    return tcp;
  }

  public IpcOptions tcp(boolean tcp) {
    this.tcp = tcp;
    return this;
  }

  /** How many request ids (with their results) the owner remembers to answer retries. Default 100,000. */
  public int dedupeCapacity() {
    return dedupeCapacity;
  }

  public IpcOptions dedupeCapacity(int capacity) {
    this.dedupeCapacity = capacity;
    return this;
  }

  /** Delay between two reconnection attempts of a forwarder (doubling up to 2 s). Default 50 ms. */
  public long reconnectDelayMillis() {
    return reconnectDelayMillis;
  }

  public IpcOptions reconnectDelayMillis(long millis) {
    this.reconnectDelayMillis = millis;
    return this;
  }

  /** How long an owner may have no forwarder connected before its idle handler runs; 0 = never (the default). */
  public long idleExitMillis() {
    return idleExitMillis;
  }

  public IpcOptions idleExitMillis(long millis) {
    this.idleExitMillis = millis;
    return this;
  }

  /** How long {@link IpcLauncher} waits for a worker it started to serve. Default 30 s. */
  public long startTimeoutMillis() {
    return startTimeoutMillis;
  }

  public IpcOptions startTimeoutMillis(long millis) {
    this.startTimeoutMillis = millis;
    return this;
  }
}
