const { exec } = require("child_process");

const target = process.argv[2];
const command = "du -sh " + target;

exec(command, (err, stdout, stderr) => {
  if (err) {
    console.error(stderr);
    process.exit(1);
  }
  console.log(stdout.trim());
});
