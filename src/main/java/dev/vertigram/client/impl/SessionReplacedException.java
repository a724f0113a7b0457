package dev.vertigram.client.impl;

import dev.vertigram.mtproto.MtprotoException;

/** Closes a session whose key was replaced: its unanswered calls are re-submitted to the new session. */
final class SessionReplacedException extends MtprotoException {

  SessionReplacedException() {
    super("session replaced (new auth key)");
  }
}
