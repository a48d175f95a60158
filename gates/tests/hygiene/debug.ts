// TypeScript follows the JavaScript rules.
export function parse(raw: string): number {
  // ruleid: hygiene-debugger
  debugger
  // ruleid: hygiene-console-log
  console.log(`raw=${raw}`);
  // ok: hygiene-todo
  const marker: string = "HACK";
  // ruleid: hygiene-todo
  return Number(raw) + marker.length; // HACK: tolerate trailing spaces
}
