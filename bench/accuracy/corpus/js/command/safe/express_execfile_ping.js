const express = require("express");
const { execFile } = require("child_process");

const app = express();

app.get("/tools/ping", (req, res) => {
  const host = req.query.host || "localhost";
  execFile("ping", ["-c", "3", "--", String(host)], (err, stdout) => {
    res.type("text/plain").send(err ? "ping failed" : stdout);
  });
});

app.listen(3000);
