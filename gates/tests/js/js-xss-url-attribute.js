const escape = require("escape-html");

function redirectPage(ctx, url) {
  url = escape(url);
  // ruleid: js-xss-url-attribute
  ctx.body = `Redirecting to <a href="${url}">${url}</a>.`;
}

function redirectBody(status, url) {
  // ruleid: js-xss-url-attribute
  return "<p>" + status + ". Redirecting to <a href=\"" + url + "\">" + url + "</a></p>";
}

function avatar(user) {
  // ruleid: js-xss-url-attribute
  return '<img src="' + user.avatarUrl + '">';
}

function form(target) {
  // ruleid: js-xss-url-attribute
  return `<form action=${target} method="post"></form>`;
}

function redirectText(ctx, url) {
  // ok: js-xss-url-attribute
  ctx.body = `Redirecting to ${escape(url)}.`;
}

function profileLink(user) {
  // ok: js-xss-url-attribute
  return `<a href="/users/${encodeURIComponent(user.id)}">${escape(user.name)}</a>`;
}

function searchLink(term) {
  // ok: js-xss-url-attribute
  return '<a href="/search?q=' + encodeURIComponent(term) + '">search</a>';
}

function encodedStart(path) {
  // ok: js-xss-url-attribute
  return `<a href="${encodeURIComponent(path)}">file</a>`;
}

function constantLink() {
  // ok: js-xss-url-attribute
  return '<a href="' + "/home" + '">home</a>';
}
