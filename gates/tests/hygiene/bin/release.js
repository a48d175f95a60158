#!/usr/bin/env node
// A command-line script: console.log is its output, not debris.
// ok: hygiene-console-log
console.log("released");
