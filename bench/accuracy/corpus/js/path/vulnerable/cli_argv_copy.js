const fs = require("fs");
const path = require("path");

const TEMPLATES = "/usr/share/scaffold/templates";
const [template, dest = "."] = process.argv.slice(2);

const source = path.join(TEMPLATES, template);
fs.cpSync(source, dest, { recursive: true });
console.log(`copied ${template} to ${dest}`);
