const express = require("express");
const sqlite3 = require("sqlite3");

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database("users.db");

function findUser(username, callback) {
  const sql = "SELECT id, email FROM users WHERE username = '" + username + "'";
  db.get(sql, callback);
}

app.post("/login", (req, res) => {
  let username = req.body.username;
  username = "guest";
  findUser(username, (err, user) => {
    if (err || !user) return res.sendStatus(401);
    res.json(user);
  });
});

app.listen(3000);
