const express = require("express");

const app = express();

function renderError(res, message) {
  res.status(400).json({ error: message });
}

app.get("/search", (req, res) => {
  const term = req.query.q || "";
  if (term.length < 3) return renderError(res, "Search term too short: " + term);
  res.json({ results: [] });
});

app.listen(3000);
