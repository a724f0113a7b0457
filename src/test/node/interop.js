// teleproto (GramJS fork, layer 228) against the Local DC.
// Usage: node interop.js <host> <port> <dcId> <pem file> <fingerprint>
// Prints one JSON object per line on stdout: {"step": ..., ...}; the last one is {"step":"done"} or {"step":"error"}.
// After "connected" (which reports the auth key id), it waits for one line on stdin: the test logs the key in.
"use strict";
const fs = require("fs");
const crypto = require("crypto");
const readline = require("readline");
const bigInt = require("big-integer");
const { TelegramClient, Api } = require("teleproto");
const { MemorySession } = require("teleproto/sessions");
const { CustomFile } = require("teleproto/client/uploads");
const RSA = require("teleproto/crypto/RSA");
const { Logger, LogLevel } = require("teleproto/extensions/Logger");

const [host, port, dcId, pemFile, fingerprint] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

/** teleproto only knows Telegram's keys, in a map keyed by fingerprint: add the Local DC's. */
function trustKey(pem, fp) {
  const jwk = crypto.createPublicKey({ key: pem, format: "pem" }).export({ format: "jwk" });
  const n = bigInt(Buffer.from(jwk.n, "base64url").toString("hex"), 16);
  RSA._serverKeys.set(bigInt(fp).toString(), { n, e: 65537 });
}

function nextLine() {
  const rl = readline.createInterface({ input: process.stdin });
  return new Promise((resolve) => rl.once("line", (l) => { rl.close(); resolve(l); }));
}

async function main() {
  trustKey(fs.readFileSync(pemFile, "utf8"), fingerprint);
  // MemorySession: StringSession stores the port as a signed 16-bit int (ephemeral ports above 32767 break it).
  const session = new MemorySession();
  session.setDC(Number(dcId), host, Number(port));
  const client = new TelegramClient(session, 12345, "0123456789abcdef0123456789abcdef", {
    connectionRetries: 1, autoReconnect: false, baseLogger: new Logger(LogLevel.NONE),
  });
  await client.connect();
  const config = await client.invoke(new Api.help.GetConfig());
  const nearest = await client.invoke(new Api.help.GetNearestDc());
  out({ step: "connected", authKeyId: session.getAuthKey().keyId.toString(), thisDc: config.thisDc,
    dcOptions: config.dcOptions.length, nearestDc: nearest.thisDc });

  await nextLine();
  const data = crypto.randomBytes(300 * 1024 + 7);
  const inputFile = await client.uploadFile({ file: new CustomFile("hello.bin", data.length, "", data), workers: 2 });
  const media = await client.invoke(new Api.messages.UploadMedia({
    peer: new Api.InputPeerSelf(),
    media: new Api.InputMediaUploadedDocument({ file: inputFile, mimeType: "application/octet-stream", attributes: [] }),
  }));
  const downloaded = await client.downloadMedia(media);
  out({ step: "files", uploaded: data.length, downloaded: downloaded.length,
    same: Buffer.compare(data, downloaded) === 0, mime: media.document.mimeType,
    name: media.document.attributes.map((a) => a.fileName).join() });
  await client.disconnect();
  out({ step: "done" });
}

main().then(() => process.exit(0), (e) => {
  out({ step: "error", message: String(e && (e.errorMessage || e.message) || e), stack: String(e && e.stack) });
  process.exit(1);
});
