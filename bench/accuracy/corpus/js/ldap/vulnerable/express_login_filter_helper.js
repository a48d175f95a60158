const express = require("express");
const ldap = require("ldapjs");

const app = express();
app.use(express.json());
const client = ldap.createClient({ url: "ldap://ldap.example.com" });

function accountFilter(username) {
  return `(&(objectClass=person)(sAMAccountName=${username}))`;
}

app.post("/accounts/find", (req, res) => {
  client.search("dc=example,dc=com", { filter: accountFilter(req.body.username), scope: "sub" }, (err, search) => {
    let found = 0;
    search.on("searchEntry", () => (found += 1));
    search.on("end", () => res.json({ found }));
  });
});

app.listen(3000);
