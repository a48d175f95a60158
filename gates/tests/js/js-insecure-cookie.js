const express = require("express");
const session = require("express-session");

const app = express();

// ruleid: js-insecure-cookie
app.use(session({ secret: process.env.SECRET, cookie: { secure: false } }));
// ok: js-insecure-cookie
app.use(session({ secret: process.env.SECRET, cookie: { secure: process.env.NODE_ENV === "production" } }));

app.post("/login", (req, res) => {
  // ruleid: js-insecure-cookie
  res.cookie("sid", token(), { httpOnly: false, secure: true });
  // ruleid: js-insecure-cookie
  res.cookie("sid", token(), { httpOnly: true, secure: false });
  // ok: js-insecure-cookie, js-cookie-missing-flags
  res.cookie("sid", token(), { httpOnly: true, secure: true, sameSite: "lax" });
  // ruleid: js-cookie-missing-flags
  res.cookie("sid", token());
  // ruleid: js-cookie-missing-flags
  res.cookie("sid", token(), { httpOnly: true });
  // ok: js-cookie-missing-flags
  res.cookie("sid", token(), { ...COOKIE_DEFAULTS, maxAge: 3600 });
  // ok: js-cookie-missing-flags
  res.cookie("sid", token(), cookieOptions);
  res.end();
});

const PREFS_COOKIE = { httpOnly: false, secure: false, maxAge: 86400000 };
const STRICT_COOKIE = { httpOnly: true, secure: true, sameSite: "strict" };

app.post("/prefs", (req, res) => {
  // ruleid: js-insecure-cookie
  res.cookie("layout", pickLayout(req), PREFS_COOKIE);
  // ok: js-insecure-cookie
  res.cookie("layout", pickLayout(req), STRICT_COOKIE);
  res.end();
});
