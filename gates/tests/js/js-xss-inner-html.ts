export function show(el: HTMLElement, message: string): void {
  // ruleid: js-xss-inner-html
  el.innerHTML = message;
  // ok: js-xss-inner-html
  el.innerText = message;
}
