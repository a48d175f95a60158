const Koa = require("koa");
const ldap = require("ldapjs");

const app = new Koa();
const client = ldap.createClient({ url: "ldap://ldap.example.com" });

app.use(async (ctx) => {
  const group = ctx.query.group;
  const members = await new Promise((resolve) => {
    const found = [];
    client.search("ou=groups,dc=example,dc=com", { filter: `(cn=${group})`, scope: "sub" }, (err, search) => {
      search.on("searchEntry", (entry) => found.push(entry.objectName));
      search.on("end", () => resolve(found));
    });
  });
  ctx.body = members;
});

app.listen(3000);
