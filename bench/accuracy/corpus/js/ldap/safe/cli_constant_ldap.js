const ldap = require("ldapjs");

const client = ldap.createClient({ url: "ldap://ldap.example.com" });
const SERVICE_ACCOUNTS = "(&(objectClass=person)(employeeType=service))";

client.search("dc=example,dc=com", { filter: SERVICE_ACCOUNTS, scope: "sub" }, (err, search) => {
  if (err) throw err;
  search.on("searchEntry", (entry) => console.log(entry.objectName));
  search.on("end", () => client.unbind());
});
