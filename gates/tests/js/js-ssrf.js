const axios = require("axios");
const express = require("express");

const app = express();

app.get("/fetch", async (req, res) => {
  // ruleid: js-ssrf
  const response = await fetch(req.query.url);
  res.send(await response.text());
});

app.post("/webhook", async (req, res) => {
  const target = req.body.callback;
  // ruleid: js-ssrf
  await axios.post(target, { ok: true });
  res.sendStatus(204);
});

app.get("/avatar", async (req, res) => {
  // ruleid: js-ssrf
  const r = await axios.get("http://" + req.query.host + "/avatar.png");
  res.send(r.data);
});

app.get("/user", async (req, res) => {
  // ok: js-ssrf
  const r = await fetch(`https://api.example.com/users/${encodeURIComponent(req.query.id)}`);
  res.json(await r.json());
});

app.get("/user2", async (req, res) => {
  // ok: js-ssrf
  const r = await axios.get("https://api.example.com/users/" + req.query.id);
  res.json(r.data);
});

async function client(url) {
  // ok: js-ssrf
  return fetch(url);
}

async function retry(req, options) {
  const next = { ...options, headers: req.headers };
  // ok: js-ssrf
  return fetch(req.url, next);
}

const API_HOSTS = ["api.example.com", "cdn.example.com"];

app.get("/proxy", async (req, res) => {
  const target = new URL(req.query.src);
  if (!API_HOSTS.includes(target.hostname) || target.protocol !== "https:") {
    return res.sendStatus(400);
  }
  // ok: js-ssrf
  const upstream = await axios.get(target.toString());
  res.send(upstream.data);
});

app.get("/proxy-open", async (req, res) => {
  const target = new URL(req.query.src);
  if (target.protocol !== "https:") {
    return res.sendStatus(400);
  }
  // ruleid: js-ssrf
  const upstream = await axios.get(target.toString());
  res.send(upstream.data);
});
