const vm = require("vm");

function calc(expression, code) {
  // ruleid: js-code-injection
  const value = eval(expression);
  // ruleid: js-code-injection
  const fn = new Function("a", "b", code);
  // ruleid: js-code-injection
  setTimeout("update(" + expression + ")", 100);
  // ruleid: js-code-injection
  vm.runInNewContext(code, {});
  return [value, fn];
}

function safe(text, handler) {
  // ok: js-code-injection
  const data = JSON.parse(text);
  // ok: js-code-injection
  setTimeout(handler, 100);
  // ok: js-code-injection
  setTimeout(() => handler(data), 100);
  // ok: js-code-injection
  const add = new Function("a", "b", "return a + b");
  // ok: js-code-injection
  eval("2 + 2");
  return add;
}

function timers(stream, ms) {
  // ok: js-code-injection
  setTimeout(() => {
    stream.destroy(new Error("timeout after " + ms + "ms"));
  }, ms);
}
