function makeToken() {
  // ruleid: js-insecure-random
  const resetToken = Math.random().toString(36).slice(2);
  return resetToken;
}

function generatePassword() {
  // ruleid: js-insecure-random
  return Math.random().toString(36);
}

// ruleid: js-insecure-random
const session = { sessionId: Math.floor(Math.random() * 1e9) };

function safe(items) {
  // ok: js-insecure-random
  const resetToken = crypto.randomUUID();
  // ok: js-insecure-random
  const jitter = Math.random() * 100;
  // ok: js-insecure-random
  const pick = items[Math.floor(Math.random() * items.length)];
  return [resetToken, jitter, pick];
}
