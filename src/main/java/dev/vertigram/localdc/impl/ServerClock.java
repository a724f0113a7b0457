package dev.vertigram.localdc.impl;

import dev.vertigram.mtproto.MessageIdClock;

/**
 * The clock of one DC, shifted by the clock-skew fault: every time the DC reads (msg_id checks, server_time, salts,
 * key expiry) and every server msg_id it makes. Msg_ids increase while the skew stays the same; a new skew value
 * starts a new id sequence at the new time, so that after a skew is reduced or cleared the msg_ids clients resync from
 * tell the right time again (rather than staying ahead until the real clock catches up). Confined to the DC's event
 * loop.
 */
final class ServerClock {

  private final FaultSwitches faults;
  private MessageIdClock ids = new MessageIdClock();
  private int idsSkew;

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
    int skew = faults.clockSkewSecondsValue();
    if (skew != idsSkew) {
      ids = new MessageIdClock();
      ids.offsetMillis(skew * 1000L);
      idsSkew = skew;
    }
    return ids.next(residue);
  }
}
