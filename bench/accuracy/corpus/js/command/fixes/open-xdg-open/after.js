const childProcess = require("child_process");
const path = require("path");

function open(target, appName, callback) {
  let command;
  const args = [];
  switch (process.platform) {
    case "darwin":
      command = "open";
      if (appName) args.push("-a", appName);
      break;
    case "win32":
      command = "cmd";
      args.push("/c", "start", '""', "/b");
      if (appName) args.push(appName);
      break;
    default:
      command = appName || path.join(__dirname, "../vendor/xdg-open");
      break;
  }
  args.push(target);
  const cp = childProcess.spawn(command, args, { stdio: "ignore" });
  if (callback) cp.once("exit", (code) => callback(code ? new Error("exit " + code) : null));
  return cp;
}

module.exports = open;

if (require.main === module) {
  open(process.argv[2]);
}
