const serialize = require("node-serialize");

function restore(cookie) {
  // ruleid: js-unsafe-deserialization
  const session = serialize.unserialize(Buffer.from(cookie, "base64").toString());
  // ok: js-unsafe-deserialization
  const data = JSON.parse(cookie);
  // ok: js-unsafe-deserialization
  const out = serialize.serialize(data);
  return [session, out];
}
