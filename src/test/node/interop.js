// teleproto (GramJS fork, layer 228) against the Local DC.
// Usage: node interop.js <host> <port> <dcId> <pem file> <fingerprint>
// Prints one JSON object per line on stdout: {"step": ..., ...}; the last one is {"step":"done"} or {"step":"error"}.
// Two clients log in with test numbers, Alice sends Bob a message and a file (messages.sendMedia); Bob gets both as
// updates and downloads the file.
"use strict";
const fs = require("fs");
const crypto = require("crypto");
const bigInt = require("big-integer");
const { TelegramClient, Api } = require("teleproto");
const { MemorySession } = require("teleproto/sessions");
const { CustomFile } = require("teleproto/client/uploads");
const RSA = require("teleproto/crypto/RSA");
const { Logger, LogLevel } = require("teleproto/extensions/Logger");
const { Raw } = require("teleproto/events");

const [host, port, dcId, pemFile, fingerprint] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

/** teleproto only knows Telegram's keys, in a map keyed by fingerprint: add the Local DC's. */
function trustKey(pem, fp) {
  const jwk = crypto.createPublicKey({ key: pem, format: "pem" }).export({ format: "jwk" });
  const n = bigInt(Buffer.from(jwk.n, "base64url").toString("hex"), 16);
  RSA._serverKeys.set(bigInt(fp).toString(), { n, e: 65537 });
}

/** Logs a new client in with a test number 99966XYYYY (code X×5) through auth.sendCode / signIn / signUp. */
async function login(client, phone, name) {
  const apiCreds = { apiId: 12345, apiHash: "0123456789abcdef0123456789abcdef" };
  const sent = await client.invoke(new Api.auth.SendCode({ phoneNumber: phone, ...apiCreds,
    settings: new Api.CodeSettings({}) }));
  const code = phone[5].repeat(5);
  let auth = await client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash: sent.phoneCodeHash,
    phoneCode: code }));
  if (auth instanceof Api.auth.AuthorizationSignUpRequired) {
    auth = await client.invoke(new Api.auth.SignUp({ phoneNumber: phone, phoneCodeHash: sent.phoneCodeHash,
      firstName: name, lastName: "" }));
  }
  return auth.user;
}

function newClient() {
  // MemorySession: StringSession stores the port as a signed 16-bit int (ephemeral ports above 32767 break it).
  const session = new MemorySession();
  session.setDC(Number(dcId), host, Number(port));
  return new TelegramClient(session, 12345, "0123456789abcdef0123456789abcdef", {
    connectionRetries: 1, autoReconnect: false, baseLogger: new Logger(LogLevel.NONE),
  });
}

/** Resolves with the first raw update for which pick returns a value. */
function nextUpdate(client, pick) {
  return new Promise((resolve) => {
    const handler = (u) => {
      const v = pick(u);
      if (v) {
        client.removeEventHandler(handler, new Raw({}));
        resolve(v);
      }
    };
    client.addEventHandler(handler, new Raw({}));
  });
}

function newMessage(u) {
  if (u instanceof Api.UpdateShortMessage) return { text: u.message };
  const list = u instanceof Api.Updates ? u.updates : [u];
  const m = list.find((x) => x instanceof Api.UpdateNewMessage);
  return m && { text: m.message.message, message: m.message };
}

async function main() {
  trustKey(fs.readFileSync(pemFile, "utf8"), fingerprint);
  const alice = newClient();
  const bob = newClient();
  await alice.connect();
  await bob.connect();
  const config = await alice.invoke(new Api.help.GetConfig());
  const nearest = await alice.invoke(new Api.help.GetNearestDc());
  out({ step: "connected", thisDc: config.thisDc, dcOptions: config.dcOptions.length, nearestDc: nearest.thisDc });

  const suffix = String(1000 + Math.floor(Math.random() * 8999));
  const a = await login(alice, "999661" + suffix, "Alice");
  const b = await login(bob, "999661" + String((Number(suffix) + 1) % 10000).padStart(4, "0"), "Bob");
  await bob.invoke(new Api.account.UpdateUsername({ username: "bob_" + b.id }));
  const me = await alice.getMe();
  out({ step: "login", alice: a.id.toString(), bob: b.id.toString(), self: me.id.toString() });

  await bob.getMe();
  const received = nextUpdate(bob, newMessage);
  await alice.sendMessage("bob_" + b.id, { message: "hello from teleproto" });
  const got = await received;
  out({ step: "message", text: got.text });

  const data = crypto.randomBytes(300 * 1024 + 7);
  const withFile = nextUpdate(bob, (u) => { const m = newMessage(u); return m && m.message && m.message.media && m; });
  await alice.sendFile("bob_" + b.id, { file: new CustomFile("hello.bin", data.length, "", data), forceDocument: true,
    caption: "a file", workers: 2 });
  const fileMsg = (await withFile).message;
  const downloaded = await bob.downloadMedia(fileMsg);
  out({ step: "files", uploaded: data.length, downloaded: downloaded.length,
    same: Buffer.compare(data, downloaded) === 0, caption: fileMsg.message,
    name: fileMsg.media.document.attributes.map((x) => x.fileName).filter(Boolean).join() });
  await alice.disconnect();
  await bob.disconnect();
  out({ step: "done" });
}

main().then(() => process.exit(0), (e) => {
  out({ step: "error", message: String(e && (e.errorMessage || e.message) || e), stack: String(e && e.stack) });
  process.exit(1);
});
