const vm = require("vm");
const express = require("express");

const app = express();

app.get("/calc", (req, res) => {
  // ruleid: js-code-injection
  const value = eval(req.query.expression);
  res.send(String(value));
});

app.post("/fn", (req, res) => {
  const code = req.body.code;
  // ruleid: js-code-injection
  const fn = new Function("a", "b", code);
  res.json({ ok: typeof fn });
});

function wrap(expression) {
  return "update(" + expression + ")";
}

app.get("/timer", (req, res) => {
  // ruleid: js-code-injection
  setTimeout(wrap(req.query.x), 100);
  const job = { script: req.query.script };
  // ruleid: js-code-injection
  vm.runInNewContext(job.script, {});
  res.end();
});

app.get("/safe", (req, res) => {
  // ok: js-code-injection
  const data = JSON.parse(req.query.data);
  // ok: js-code-injection
  eval("2 + 2");
  // ok: js-code-injection
  const n = eval(parseInt(req.query.n, 10));
  let expr = req.query.expr;
  expr = "1 + 1";
  // ok: js-code-injection
  eval(expr);
  if (false) {
    // ok: js-code-injection
    eval(req.query.expr);
  }
  res.json([data, n]);
});

function calc(expression, code) {
  // ruleid: js-code-injection-unproven
  const value = eval(expression);
  // ruleid: js-code-injection-unproven
  const fn = new Function("a", "b", code);
  // ruleid: js-code-injection-unproven
  setTimeout("update(" + expression + ")", 100);
  // ruleid: js-code-injection-unproven
  vm.runInNewContext(code, {});
  // ok: js-code-injection
  eval(code);
  return [value, fn];
}

function safe(text, handler) {
  // ok: js-code-injection, js-code-injection-unproven
  const data = JSON.parse(text);
  // ok: js-code-injection, js-code-injection-unproven
  setTimeout(handler, 100);
  // ok: js-code-injection, js-code-injection-unproven
  setTimeout(() => handler(data), 100);
  // ok: js-code-injection, js-code-injection-unproven
  const add = new Function("a", "b", "return a + b");
  // ok: js-code-injection, js-code-injection-unproven
  eval("2 + 2");
  return add;
}

function timers(stream, ms) {
  // ok: js-code-injection-unproven
  setTimeout(() => {
    stream.destroy(new Error("timeout after " + ms + "ms"));
  }, ms);
}

app.post("/later", (req, res) => {
  const hook = req.body.hook;
  // ruleid: js-code-injection
  setTimeout(() => vm.runInThisContext("run(" + hook + ")"), 500);
  // ok: js-code-injection
  setTimeout(() => notify(hook), 500);
  res.end();
});
