import express, { Request, Response } from "express";
import ldap from "ldapjs";

const app = express();
app.use(express.json());
const client = ldap.createClient({ url: "ldap://ldap.example.com" });

app.post("/directory/search", (req: Request, res: Response) => {
  const parts: string[] = ["(objectClass=person)"];
  for (const attr of ["department", "title"]) {
    if (req.body[attr]) parts.push(`(${attr}=${req.body[attr]})`);
  }
  client.search("dc=example,dc=com", { filter: "(&" + parts.join("") + ")", scope: "sub" }, (err, search) => {
    let count = 0;
    search.on("searchEntry", () => (count += 1));
    search.on("end", () => res.json({ count }));
  });
});

app.listen(3000);
