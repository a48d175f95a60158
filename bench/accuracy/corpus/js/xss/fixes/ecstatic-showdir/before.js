const http = require("http");
const fs = require("fs");
const path = require("path");
const url = require("url");

const ROOT = path.resolve("./public");

function showDir(res, pathname, files) {
  let html = "<!doctype html><html><head><title>Index of " + pathname + "</title></head><body>";
  html += "<h1>Index of " + pathname + "</h1><ul>";
  for (const file of files) {
    const href = path.posix.join(pathname, file);
    html += '<li><a href="' + href + '">' + file + "</a></li>";
  }
  res.setHeader("content-type", "text/html");
  res.end(html + "</ul></body></html>");
}

http
  .createServer((req, res) => {
    const pathname = decodeURIComponent(url.parse(req.url).pathname);
    const dir = path.join(ROOT, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""));
    fs.readdir(dir, (err, files) => {
      if (err) {
        res.statusCode = 404;
        return res.end("not found");
      }
      showDir(res, pathname, files);
    });
  })
  .listen(8080);
