const exec = require("child_process").exec;
const path = require("path");

function open(target, appName, callback) {
  let opener;
  switch (process.platform) {
    case "darwin":
      opener = appName ? 'open -a "' + escape(appName) + '"' : "open";
      break;
    case "win32":
      opener = appName ? 'start "" "' + escape(appName) + '"' : 'start ""';
      break;
    default:
      opener = appName ? escape(appName) : path.join(__dirname, "../vendor/xdg-open");
      break;
  }
  return exec(opener + ' "' + escape(target) + '"', callback);
}

function escape(s) {
  return s.replace(/"/g, '\\"');
}

module.exports = open;

if (require.main === module) {
  open(process.argv[2]);
}
