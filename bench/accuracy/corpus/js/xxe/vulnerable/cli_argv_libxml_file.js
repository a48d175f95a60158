const fs = require("fs");
const libxmljs = require("libxmljs");

function loadConfig(path) {
  return libxmljs.parseXml(fs.readFileSync(path, "utf8"), { noent: true, dtdvalid: true });
}

const config = loadConfig(process.argv[2]);
for (const node of config.root().childNodes()) {
  console.log(node.name(), node.text());
}
