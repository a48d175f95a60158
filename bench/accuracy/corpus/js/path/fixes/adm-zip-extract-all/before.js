const fs = require("fs");
const path = require("path");
const AdmZip = require("adm-zip");

function extractAllTo(zipPath, targetPath, overwrite) {
  const zip = new AdmZip(zipPath);
  zip.getEntries().forEach(function (entry) {
    const target = path.join(targetPath, entry.entryName);
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
