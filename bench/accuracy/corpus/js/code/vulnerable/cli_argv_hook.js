const readline = require("readline");

const source = process.argv[2];
const hook = new Function("record", "return " + source);

const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => {
  console.log(hook(line));
});
