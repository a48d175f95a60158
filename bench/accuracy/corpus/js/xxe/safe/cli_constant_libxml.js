const libxmljs = require("libxmljs");

const DEFAULT_CONFIG = "<config><port>8080</port><host>localhost</host></config>";

const config = libxmljs.parseXml(DEFAULT_CONFIG, { noent: true });
for (const node of config.root().childNodes()) {
  console.log(node.name(), node.text());
}
