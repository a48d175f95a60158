const { exec, execFile, spawn } = require("child_process");
const cp = require("child_process");
const shellQuote = require("shell-quote");

const LIST = "ls -l";
const ACTIONS = { list: "ls -l", disk: "df -h" };

function pingCommand(host) {
  return `ping -c 1 ${host}`;
}

function handler(req, res) {
  // ruleid: js-command-injection
  exec("ping -c 1 " + req.query.host);
  const branch = req.body.branch;
  // ruleid: js-command-injection
  cp.execSync(`git checkout ${branch}`);
  // ruleid: js-command-injection
  exec(pingCommand(req.params.host));
  const opts = { file: req.query.file };
  // ruleid: js-command-injection
  spawn(`tar xzf ${opts.file}`, { shell: true });
  // ruleid: js-command-injection
  spawn("sh", ["-c", "echo " + req.query.msg]);
  res.end();
}

function safeHandler(req, res) {
  // ok: js-command-injection
  execFile("git", ["checkout", req.query.branch]);
  // ok: js-command-injection
  exec("ls -l");
  // ok: js-command-injection
  exec(LIST);
  // ok: js-command-injection
  exec("ping -c " + parseInt(req.query.count, 10) + " localhost");
  // ok: js-command-injection
  exec(ACTIONS[req.query.action]);
  // ok: js-command-injection
  exec("ls " + shellQuote.quote([req.query.dir]));
  let cmd = req.query.cmd;
  cmd = "uptime";
  // ok: js-command-injection
  exec(cmd);
  if (false) {
    // ok: js-command-injection
    exec(req.query.cmd);
  }
  const tool = req.query.tool;
  if (!["ls", "df"].includes(tool)) {
    return res.status(400).end();
  }
  // ok: js-command-injection
  exec(tool);
  // ok: js-command-injection
  const m = /^(\w+)$/.exec(req.query.name);
  res.end(String(m));
}

function run(host, branch) {
  // ruleid: js-command-injection-unproven
  exec("ping -c 1 " + host);
  // ruleid: js-command-injection-unproven
  cp.execSync(`git checkout ${branch}`);
  // ruleid: js-command-injection-unproven
  spawn(`tar xzf ${host}`, { shell: true });
  // ruleid: js-command-injection-unproven
  spawn("sh", ["-c", "echo " + branch]);
  // ok: js-command-injection
  exec("ping " + host);
}

function safe(host, branch) {
  // ok: js-command-injection-unproven
  execFile("git", ["checkout", branch]);
  // ok: js-command-injection-unproven
  exec("ls -l");
  // ok: js-command-injection-unproven
  exec(LIST);
  // ok: js-command-injection-unproven
  spawn("ping", ["-c", "1", host]);
  // ok: js-command-injection-unproven
  spawn("sh", ["-c", "make clean"]);
}
