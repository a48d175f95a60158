const fs = require("fs");
const xpath = require("xpath");
const { DOMParser } = require("@xmldom/xmldom");

const inventory = new DOMParser().parseFromString(fs.readFileSync("inventory.xml", "utf8"), "text/xml");
const sku = Number.parseInt(process.argv[2], 10);

for (const node of xpath.select("//item[@sku='" + sku + "']/stock", inventory)) {
  console.log("stock:", node.textContent);
}
