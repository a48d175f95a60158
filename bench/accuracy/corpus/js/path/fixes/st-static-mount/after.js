const http = require("http");
const fs = require("fs");
const path = require("path");
const url = require("url");

const ROOT = path.resolve(process.argv[2] || "./public");

function getPath(reqUrl) {
  let u = url.parse(reqUrl).pathname;
  try {
    u = decodeURIComponent(u);
  } catch (e) {
    return false;
  }
  u = path.normalize(u).replace(/\\/g, "/");
  if (u.indexOf("\0") !== -1) return false;
  const p = path.join(ROOT, u);
  if (p.indexOf(ROOT + path.sep) !== 0 && p !== ROOT) return false;
  return p;
}

http
  .createServer(function (req, res) {
    const p = getPath(req.url);
    if (!p) {
      res.statusCode = 403;
      return res.end("Forbidden");
    }
    fs.readFile(p, function (err, data) {
      if (err) {
        res.statusCode = 404;
        return res.end("Not found");
      }
      res.end(data);
    });
  })
  .listen(8080);
