const { exec, execFile, spawn } = require("child_process");
const cp = require("child_process");

const LIST = "ls -l";

function run(host, branch) {
  // ruleid: js-command-injection
  exec("ping -c 1 " + host);
  // ruleid: js-command-injection
  cp.execSync(`git checkout ${branch}`);
  // ruleid: js-command-injection
  spawn(`tar xzf ${host}`, { shell: true });
  // ruleid: js-command-injection
  spawn("sh", ["-c", "echo " + branch]);
}

function safe(host, branch) {
  // ok: js-command-injection
  execFile("git", ["checkout", branch]);
  // ok: js-command-injection
  exec("ls -l");
  // ok: js-command-injection
  exec(LIST);
  // ok: js-command-injection
  spawn("ping", ["-c", "1", host]);
  // ok: js-command-injection
  spawn("sh", ["-c", "make clean"]);
}
