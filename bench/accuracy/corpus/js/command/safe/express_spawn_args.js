const express = require("express");
const { spawn } = require("child_process");

const app = express();

app.get("/convert/:image", (req, res) => {
  const width = String(parseInt(req.query.width, 10) || 800);
  const child = spawn("convert", ["uploads/" + req.params.image, "-resize", width, "out.png"]);
  child.on("close", (code) => res.json({ code }));
});

app.listen(3000);
