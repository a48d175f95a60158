const express = require("express");
const yaml = require("js-yaml");

const app = express();
app.use(express.text({ type: "application/yaml" }));

function loadSettings(source) {
  return yaml.load(source, { schema: yaml.JSON_SCHEMA });
}

app.post("/settings/import", (req, res) => {
  const settings = loadSettings(req.body);
  res.json({ keys: Object.keys(settings) });
});

app.listen(3000);
