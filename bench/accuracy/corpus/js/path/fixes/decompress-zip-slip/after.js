const fs = require("fs");
const path = require("path");
const express = require("express");
const multer = require("multer");
const decompressUnzip = require("decompress-unzip");

const app = express();
const upload = multer({ storage: multer.memoryStorage() });
const OUTPUT = "/srv/plugins";

app.post("/plugins", upload.single("bundle"), async (req, res) => {
  const files = await decompressUnzip()(req.file.buffer);
  for (const x of files) {
    const dest = path.resolve(OUTPUT, x.path);
    if (!dest.startsWith(path.resolve(OUTPUT) + path.sep)) {
      return res.status(400).json({ error: "Refusing to write outside output directory: " + x.path });
    }
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    if (x.type === "file") fs.writeFileSync(dest, x.data, { mode: x.mode });
  }
  res.json({ installed: files.length });
});

app.listen(3000);
