const express = require("express");
const cookieParser = require("cookie-parser");
const { execFile } = require("child_process");

const app = express();
app.use(cookieParser());

app.get("/theme/build", (req, res) => {
  const theme = req.cookies.theme || "light";
  execFile("sh", ["-c", "npm run build:theme -- " + theme], (err) => {
    res.json({ built: !err });
  });
});

app.listen(3000);
