const http = require("http");
const fs = require("fs");
const path = require("path");
const url = require("url");

const ROOT = path.resolve(process.argv[2] || "./public");

function getPath(reqUrl) {
  let u = url.parse(reqUrl).pathname;
  u = decodeURIComponent(u);
  return path.join(ROOT, u);
}

http
  .createServer(function (req, res) {
    const p = getPath(req.url);
    fs.readFile(p, function (err, data) {
      if (err) {
        res.statusCode = 404;
        return res.end("Not found");
      }
      res.end(data);
    });
  })
  .listen(8080);
