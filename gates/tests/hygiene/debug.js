// JavaScript debug leftovers: console.log / console.debug and debugger statements in code.
export function total(items) {
  // ruleid: hygiene-console-log
  console.log("items", items);
  // ruleid: hygiene-console-log
  console.debug(items.length);
  // ok: hygiene-console-log
  console.error("failed to load items");
  // ok: hygiene-console-log
  console.warn("deprecated");
  // ok: hygiene-console-log
  const hint = "use console.log(x) to inspect";
  // ok: hygiene-console-log
  // console.log(items);
  // ruleid: hygiene-debugger
  debugger;
  /*
  // ok: hygiene-debugger
  debugger;
  */
  // ok: hygiene-debugger
  const flags = { debugger: true };
  // ruleid: hygiene-todo
  // FIXME: handle empty carts
  return items.reduce((sum, item) => sum + item.price, 0) + hint.length + flags.debugger;
}
