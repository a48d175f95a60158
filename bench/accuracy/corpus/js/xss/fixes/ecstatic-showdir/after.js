const http = require("http");
const fs = require("fs");
const path = require("path");
const url = require("url");
const he = require("he");

const ROOT = path.resolve("./public");

function showDir(res, pathname, files) {
  const title = he.encode(pathname);
  let html = "<!doctype html><html><head><title>Index of " + title + "</title></head><body>";
  html += "<h1>Index of " + title + "</h1><ul>";
  for (const file of files) {
    const href = encodeURI(path.posix.join(pathname, file));
    html += '<li><a href="' + he.encode(href) + '">' + he.encode(file) + "</a></li>";
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
