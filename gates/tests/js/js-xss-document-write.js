function banner(name) {
  // ruleid: js-xss-document-write
  document.write("<h1>Welcome " + name + "</h1>");
  // ruleid: js-xss-document-write
  document.writeln(location.search);
  // ok: js-xss-document-write
  document.write("<h1>Welcome</h1>");
}
