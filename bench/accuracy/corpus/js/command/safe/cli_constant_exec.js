const { exec } = require("child_process");
const os = require("os");

const target = os.tmpdir();
const command = "du -sh " + target;

exec(command, (err, stdout, stderr) => {
  if (err) {
    console.error(stderr);
    process.exit(1);
  }
  console.log(stdout.trim());
});
