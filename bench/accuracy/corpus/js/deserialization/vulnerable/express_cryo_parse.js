const express = require("express");
const Cryo = require("cryo");

const app = express();
app.use(express.text());

app.post("/canvas/restore", (req, res) => {
  const drawing = Cryo.parse(req.body);
  res.json({ shapes: drawing.shapes ? drawing.shapes.length : 0 });
});

app.listen(3000);
