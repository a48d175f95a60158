const { exec } = require("child_process");

function killPort(port, method = "tcp") {
  if (!port) return Promise.reject(new Error("Invalid argument provided for port"));
  const cmd = process.platform === "win32"
    ? `netstat -ano | findstr :${port}`
    : `lsof -i ${method}:${port} | grep ${method.toUpperCase()} | awk '{print $2}' | xargs kill -9`;
  return new Promise((resolve, reject) => {
    exec(cmd, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

module.exports = killPort;

if (require.main === module) {
  killPort(process.argv[2], process.argv[3]).then(() => console.log("killed"));
}
