const ldap = require("ldapjs");
const express = require("express");

const app = express();
const client = ldap.createClient({ url: "ldaps://ldap.example.com" });

function userFilter(uid) {
  return `(uid=${uid})`;
}

app.get("/user", (req, res) => {
  // ruleid: js-ldap-injection
  client.search("ou=people,dc=example,dc=com", { filter: "(uid=" + req.query.uid + ")" }, (err, r) => res.end());
});

app.get("/user2", (req, res) => {
  const opts = { scope: "sub", filter: userFilter(req.query.uid) };
  // ruleid: js-ldap-injection
  client.search("ou=people,dc=example,dc=com", opts, (err, r) => res.end());
});

app.get("/safe", (req, res) => {
  // ok: js-ldap-injection
  client.search("ou=people,dc=example,dc=com", { filter: "(objectClass=person)" }, (err, r) => res.end());
  const uid = req.query.uid;
  if (!/^[a-z0-9]+$/.test(uid)) {
    return res.status(400).end();
  }
  // ok: js-ldap-injection
  client.search("ou=people,dc=example,dc=com", { filter: `(uid=${uid})` }, (err, r) => res.end());
  // ok: js-ldap-injection
  client.search("ou=people,dc=example,dc=com", { filter: `(uid=${escapeLdapFilter(req.query.uid)})` }, () => {});
});

function memberFilter(group) {
  return `(&(objectClass=groupOfNames)(cn=${escapeFilterValue(group)}))`;
}

const { EqualityFilter, AndFilter } = require("ldapjs").filters;

app.get("/groups", (req, res) => {
  // ok: js-ldap-injection
  client.search("ou=groups,dc=example,dc=com", { filter: memberFilter(req.query.group) }, () => res.end());
  const byMail = new EqualityFilter({ attribute: "mail", value: req.query.mail });
  // ok: js-ldap-injection
  client.search("ou=people,dc=example,dc=com", { filter: byMail, scope: "sub" }, () => res.end());
  const both = new ldap.filters.AndFilter({ filters: [byMail, new ldap.EqualityFilter({ attribute: "o", value: req.query.org })] });
  // ok: js-ldap-injection
  client.search("ou=people,dc=example,dc=com", { filter: both }, () => res.end());
  // ruleid: js-ldap-injection
  client.search("ou=people,dc=example,dc=com", { filter: "(mail=" + req.query.mail + ")" }, () => res.end());
});
