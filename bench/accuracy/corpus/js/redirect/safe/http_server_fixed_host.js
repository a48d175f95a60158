const http = require("http");

const CANONICAL_HOST = "www.example.com";

http
  .createServer((req, res) => {
    res.writeHead(301, { Location: `https://${CANONICAL_HOST}/welcome` });
    res.end();
  })
  .listen(8080);
