const exec = require("child_process").exec;

const cmd = "notify-send";

function growl(msg, options, fn) {
  options = options || {};
  const args = [cmd];
  if (options.title) args.push('"' + options.title + '"');
  if (options.image) args.push("-i " + options.image);
  args.push('"' + msg + '"');
  exec(args.join(" "), fn);
}

module.exports = growl;

if (require.main === module) {
  growl(process.argv[3] || "", { title: process.argv[2] });
}
