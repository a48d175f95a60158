const https = require("https");
const axios = require("axios");

// ruleid: js-tls-verify-disabled
const agent = new https.Agent({ rejectUnauthorized: false });
// ruleid: js-tls-verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
// ruleid: js-tls-verify-disabled
request.get({ url: "https://internal", strictSSL: false });

// ok: js-tls-verify-disabled
const strictAgent = new https.Agent({ rejectUnauthorized: true, ca: process.env.CA_BUNDLE });
// ok: js-tls-verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
// ok: js-tls-verify-disabled
axios.get("https://example.com", { httpsAgent: strictAgent });

// An HTTP client implementing its own option passes the caller's value through: nothing to report.
function requestOptions(options) {
  return {
    // ok: js-tls-verify-disabled, js-tls-verify-optional
    rejectUnauthorized: options.https.rejectUnauthorized,
    ca: options.https.certificateAuthority,
  };
}

function agentFor(options) {
  const agentOptions = { keepAlive: true };
  if (options.insecure) {
    // ruleid: js-tls-verify-optional
    agentOptions.rejectUnauthorized = false;
  }
  // ok: js-tls-verify-disabled
  return new https.Agent(agentOptions);
}

// ruleid: js-tls-verify-optional
const devAgent = process.env.NODE_ENV === "development" ? new https.Agent({ rejectUnauthorized: false }) : undefined;
