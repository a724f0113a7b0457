package dev.vertigram.peers.impl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerPathsTest {

  private final PeerPaths paths = PeerPaths.api();

  @Test
  void onlyFieldsThatCanHoldUsersChatsOrMessagesAreWalked() {
    assertEquals(List.of("updates", "users", "chats"), paths.fields("updates"));
    assertEquals(List.of("message"), paths.fields("updateNewMessage"));
    assertEquals(List.of("new_messages", "other_updates", "chats", "users"), paths.fields("updates.difference"));
    assertEquals(List.of("chats", "users"), paths.fields("contacts.resolvedPeer"));
    assertTrue(paths.fields("messageEntityBold").isEmpty());
    assertEquals(List.of("reply_to"), paths.fields("updateShortMessage"), "reply_media may hold a story or a giveaway with chats");
  }

  @Test
  void aNameOutsideTheSchemaWalksEverything() {
    assertNull(paths.fields("somethingElse"));
  }
}
