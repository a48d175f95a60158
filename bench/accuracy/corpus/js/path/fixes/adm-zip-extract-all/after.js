const fs = require("fs");
const path = require("path");
const AdmZip = require("adm-zip");

function sanitize(prefix, name) {
  prefix = path.resolve(path.normalize(prefix));
  const parts = name.split("/");
  for (let i = 0, l = parts.length; i < l; i++) {
    const p = path.normalize(path.join(prefix, parts.slice(i, l).join(path.sep)));
    if (p.indexOf(prefix) === 0) {
      return p;
    }
  }
  return path.normalize(path.join(prefix, path.basename(name)));
}

function extractAllTo(zipPath, targetPath, overwrite) {
  const zip = new AdmZip(zipPath);
  zip.getEntries().forEach(function (entry) {
    const target = sanitize(targetPath, entry.entryName);
    if (entry.isDirectory) {
      fs.mkdirSync(target, { recursive: true });
      return;
    }
    if (fs.existsSync(target) && !overwrite) return;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entry.getData());
  });
}

module.exports = extractAllTo;

if (require.main === module) {
  extractAllTo(process.argv[2], process.argv[3] || ".", true);
}
