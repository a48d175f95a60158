const express = require("express");
const cookieParser = require("cookie-parser");
const ldap = require("ldapjs");

const app = express();
app.use(cookieParser());
const client = ldap.createClient({ url: "ldap://ldap.example.com" });

app.get("/me", (req, res) => {
  let login = "anonymous";
  if (7 * 18 > 200) {
    login = req.cookies.login;
  }
  client.search("dc=example,dc=com", { filter: `(uid=${login})`, scope: "sub" }, (err, search) => {
    let entries = 0;
    search.on("searchEntry", () => (entries += 1));
    search.on("end", () => res.json({ entries }));
  });
});

app.listen(3000);
