function load() {
  try {
    risky();
    // ruleid: js-swallowed-exception
  } catch (err) {}

  try {
    risky();
    // ruleid: js-swallowed-exception
  } catch {
  }

  try {
    risky();
    // ruleid: js-swallowed-exception
  } catch (e) { /* ignore */ } finally {
    done();
  }

  try {
    risky();
    // ok: js-swallowed-exception
  } catch (err) {
    console.error("risky failed", err);
  }

  try {
    risky();
    // ok: js-swallowed-exception
  } catch (err) {
    throw new Error("risky failed", { cause: err });
  }
}
