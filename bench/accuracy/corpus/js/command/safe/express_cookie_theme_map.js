const express = require("express");
const cookieParser = require("cookie-parser");
const { execFile } = require("child_process");

const app = express();
app.use(cookieParser());
const THEMES = { light: "light", dark: "dark", contrast: "high-contrast" };

app.get("/theme/build", (req, res) => {
  const theme = THEMES[req.cookies.theme] ? req.cookies.theme : "light";
  execFile("npm", ["run", "build:theme", "--", THEMES[theme]], (err) => {
    res.json({ built: !err });
  });
});

app.listen(3000);
