const http = require("http");

const GREETING = "Hello world";

http
  .createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end("<p>" + GREETING + "</p><p>" + new Date().toISOString() + "</p>");
  })
  .listen(8080);
