const ldap = require("ldapjs");

const client = ldap.createClient({ url: "ldap://ldap.example.com" });
const mail = process.argv[2];

client.search("dc=example,dc=com", { filter: "(mail=" + mail + ")", scope: "sub" }, (err, search) => {
  if (err) throw err;
  search.on("searchEntry", (entry) => console.log(entry.objectName));
  search.on("end", () => client.unbind());
});
