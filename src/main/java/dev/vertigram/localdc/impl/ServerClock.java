package dev.vertigram.localdc.impl;

import dev.vertigram.mtproto.MessageIdClock;

/**
 * The clock of one DC, shifted by the clock-skew fault: every time the DC reads (msg_id checks, server_time, salts,
 * key expiry) and every server msg_id it makes. Confined to the DC's event loop.
 */
final class ServerClock {

  private final FaultSwitches faults;
  private final MessageIdClock ids = new MessageIdClock();

  ServerClock(FaultSwitches faults) {
    this.faults = faults;
  }

  long millis() {
    return System.currentTimeMillis() + faults.clockSkewSecondsValue() * 1000L;
  }

  long seconds() {
    return Math.floorDiv(millis(), 1000);
  }

  /** A new server msg_id: residue 1 for responses to client messages, 3 for everything else. */
  long nextMsgId(int residue) {
    ids.offsetMillis(faults.clockSkewSecondsValue() * 1000L);
    return ids.next(residue);
  }
}
