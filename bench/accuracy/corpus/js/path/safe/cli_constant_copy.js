const fs = require("fs");
const path = require("path");

const TEMPLATES = "/usr/share/scaffold/templates";
const template = "default";
const dest = path.join(process.cwd(), "scaffold");

fs.cpSync(path.join(TEMPLATES, template), dest, { recursive: true });
console.log(`copied ${template} to ${dest}`);
