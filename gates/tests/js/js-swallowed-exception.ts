export function parse(text: string): unknown {
  try {
    return JSON.parse(text);
    // ruleid: js-swallowed-exception
  } catch (error: unknown) {}
  return undefined;
}
