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
