const express = require("express");

const app = express();
app.use(express.json());

app.post("/contacts/import", (req, res) => {
  const names = (req.body.contacts || []).map((c) => String(c.name));
  res.json({ contacts: names });
});

app.listen(3000);
