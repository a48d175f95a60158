function render(el, user, html) {
  // ruleid: js-xss-inner-html
  el.innerHTML = "<b>" + user.name + "</b>";
  // ruleid: js-xss-inner-html
  el.outerHTML = html;
  // ruleid: js-xss-inner-html
  el.insertAdjacentHTML("beforeend", `<li>${user.name}</li>`);
  // ruleid: js-xss-inner-html
  document.getElementById("out").innerHTML += location.hash;
}

function safe(el, user, html) {
  // ok: js-xss-inner-html
  el.innerHTML = "";
  // ok: js-xss-inner-html
  el.innerHTML = "<p>Loading…</p>";
  // ok: js-xss-inner-html
  el.textContent = user.name;
  // ok: js-xss-inner-html
  el.innerHTML = DOMPurify.sanitize(html);
  // ok: js-xss-inner-html
  el.insertAdjacentHTML("beforeend", `<li>${escapeHtml(user.name)}</li>`);
}
