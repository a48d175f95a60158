const express = require("express");
const ldap = require("ldapjs");
const { EqualityFilter } = require("ldapjs").filters;

const app = express();
const client = ldap.createClient({ url: "ldap://ldap.example.com" });

app.get("/directory/lookup", (req, res) => {
  const uid = req.query.uid;
  const opts = { filter: new EqualityFilter({ attribute: "uid", value: uid }), scope: "sub", attributes: ["cn", "mail"] };
  client.search("ou=people,dc=example,dc=com", opts, (err, search) => {
    const entries = [];
    search.on("searchEntry", (entry) => entries.push(entry.pojo));
    search.on("end", () => res.json(entries));
  });
});

app.listen(3000);
