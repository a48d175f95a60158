const spawn = require("child_process").spawn;

const cmd = "notify-send";

function growl(msg, options, fn) {
  options = options || {};
  const args = [];
  if (options.title) args.push(options.title);
  if (options.image) args.push("-i", options.image);
  args.push(msg);
  const child = spawn(cmd, args);
  if (fn) child.on("close", (code) => fn(code ? new Error("notify-send exited " + code) : null));
}

module.exports = growl;

if (require.main === module) {
  growl(process.argv[3] || "", { title: process.argv[2] });
}
