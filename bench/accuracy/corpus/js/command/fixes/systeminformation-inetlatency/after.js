const execFile = require("child_process").execFile;

function sanitizeShellString(str) {
  const s = str || "";
  let result = "";
  for (let i = 0; i < s.length; i++) {
    if (!["<", ">", "*", "?", "[", "]", "|", "˚", "$", ";", "&", "(", ")", "]", "#", "\\", "\t", "\n", "'", "`", '"'].includes(s[i])) {
      result = result + s[i];
    }
  }
  return result;
}

function inetLatency(host, callback) {
  host = host || "8.8.8.8";
  const hostSanitized = sanitizeShellString(host);
  return new Promise((resolve) => {
    process.nextTick(() => {
      const params = ["-c", "2", "-w", "3", hostSanitized];
      execFile("ping", params, function (error, stdout) {
        let result = -1;
        if (!error) {
          const line = stdout.toString().split("\n").filter((l) => l.startsWith("rtt")).join("").split("=");
          if (line.length > 1) result = parseFloat(line[1].split("/")[1]);
        }
        if (callback) callback(result);
        resolve(result);
      });
    });
  });
}

module.exports = { inetLatency };

if (require.main === module) {
  inetLatency(process.argv[2]).then((ms) => console.log(ms));
}
