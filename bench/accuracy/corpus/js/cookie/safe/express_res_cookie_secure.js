const express = require("express");

const app = express();
app.use(express.json());

app.post("/login", (req, res) => {
  res.cookie("session_token", req.body.token, { secure: true, httpOnly: true, sameSite: "lax" });
  res.json({ ok: true });
});

app.listen(3000);
