const exec = require("child_process").exec;

function inetLatency(host, callback) {
  host = host || "8.8.8.8";
  return new Promise((resolve) => {
    process.nextTick(() => {
      const params = " -c 2 -w 3 " + host + " | grep rtt";
      exec("ping" + params, function (error, stdout) {
        let result = -1;
        if (!error) {
          const line = stdout.toString().split("=");
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
