const http = require("http");

http
  .createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const host = url.searchParams.get("host");
    res.writeHead(302, { Location: `https://${host}/welcome` });
    res.end();
  })
  .listen(8080);
