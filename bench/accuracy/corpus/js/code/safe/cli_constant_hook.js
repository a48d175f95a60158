const readline = require("readline");

const verbose = process.argv.includes("--verbose");
const source = "record.trim().toUpperCase()";
const hook = new Function("record", "return " + source);

const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => {
  console.log(verbose ? `${line} -> ${hook(line)}` : hook(line));
});
