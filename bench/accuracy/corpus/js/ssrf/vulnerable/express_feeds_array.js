const express = require("express");

const app = express();
app.use(express.json());

app.post("/import/feeds", async (req, res) => {
  const feeds = req.body.feeds || [];
  const sizes = {};
  for (const feed of feeds) {
    const response = await fetch(feed);
    sizes[feed] = (await response.text()).length;
  }
  res.json(sizes);
});

app.listen(3000);
