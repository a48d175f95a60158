const http = require("http");
const { URL } = require("url");

http
  .createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const name = url.searchParams.get("name") || "world";
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end("<p>Hello " + name + "</p>");
  })
  .listen(8080);
