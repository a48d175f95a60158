const sqlite3 = require("sqlite3");

const db = new sqlite3.Database("crm.db");
const email = process.argv[2];

db.all(`SELECT name, phone FROM contacts WHERE email = '${email}'`, (err, rows) => {
  if (err) {
    console.error(err.message);
    process.exit(1);
  }
  for (const row of rows) console.log(row.name, row.phone);
});
