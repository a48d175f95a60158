const serialize = require("node-serialize");
const express = require("express");

const app = express();

function restore(cookie) {
  // ruleid: js-unsafe-deserialization-unproven
  const session = serialize.unserialize(Buffer.from(cookie, "base64").toString());
  // ok: js-unsafe-deserialization-unproven
  const data = JSON.parse(cookie);
  // ok: js-unsafe-deserialization-unproven
  const out = serialize.serialize(data);
  return [session, out];
}

app.get("/profile", (req, res) => {
  const raw = Buffer.from(req.cookies.profile, "base64").toString();
  // ruleid: js-unsafe-deserialization
  const profile = serialize.unserialize(raw);
  // ruleid: js-unsafe-deserialization
  const prefs = eval("(" + req.body.prefs + ")");
  // ok: js-unsafe-deserialization
  const safe = JSON.parse(req.cookies.profile);
  res.json([profile, prefs, safe]);
});

app.get("/restore", (req, res) => {
  let state = '{"theme":"light"}';
  if (6 * 7 > 50) {
    state = req.get("X-Saved-State");
  }
  // ok: js-unsafe-deserialization
  res.json(serialize.unserialize(state));
});

app.get("/restore-live", (req, res) => {
  let state = '{"theme":"light"}';
  if (6 * 7 > 40) {
    state = req.get("X-Saved-State");
  }
  // ruleid: js-unsafe-deserialization
  res.json(serialize.unserialize(state));
});

const Cryo = require("cryo");

app.post("/board", (req, res) => {
  // ruleid: js-unsafe-deserialization
  const board = Cryo.parse(req.body.board);
  // ok: js-unsafe-deserialization
  const copy = Cryo.parse(Cryo.stringify({ lanes: [] }));
  res.json([board, copy]);
});
