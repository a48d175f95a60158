const express = require("express");

const app = express();

app.post("/sign-in", async (req, res) => {
  const user = await accounts.verify(req.body.email, req.body.password);
  const sid = await sessions.open(user.id);
  // ruleid: js-session-cookie-readable
  res.cookie("app_session", sid);
  // ruleid: js-session-cookie-readable
  res.cookie("refreshToken", sid, { secure: true, maxAge: 7 * 86400000 });
  // ruleid: js-session-cookie-readable
  res.cookie("jwt", sid, { sameSite: "strict" });
  // ok: js-session-cookie-readable
  res.cookie("app_session", sid, { httpOnly: true, secure: true });
  // ok: js-session-cookie-readable
  res.cookie("app_session", sid, { ...SESSION_COOKIE_DEFAULTS });
  // ok: js-session-cookie-readable
  res.cookie("colour_scheme", req.body.scheme);
  // ok: js-session-cookie-readable
  res.cookie("authorName", req.body.name);
  res.json({ ok: true });
});

app.post("/legacy-sign-in", (req, res) => {
  const sid = issue(req.body.user);
  // ruleid: js-session-cookie-readable
  res.setHeader("Set-Cookie", `sid=${sid}; Path=/; Max-Age=600`);
  // ok: js-session-cookie-readable
  res.setHeader("Set-Cookie", `sid=${sid}; Path=/; Max-Age=600; HttpOnly; Secure; SameSite=Lax`);
  // ok: js-session-cookie-readable
  res.setHeader("Set-Cookie", `locale=${req.body.locale}; Path=/`);
  res.end();
});
