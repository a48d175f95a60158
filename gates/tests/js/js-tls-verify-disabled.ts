import https from "node:https";

export function client(): https.Agent {
  // ruleid: js-tls-verify-disabled
  return new https.Agent({ keepAlive: true, rejectUnauthorized: false });
}

export function clientFor(verify: boolean): https.Agent {
  // ok: js-tls-verify-disabled, js-tls-verify-optional
  return new https.Agent({ keepAlive: true, rejectUnauthorized: verify });
}
