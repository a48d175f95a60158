import DOMPurify from "dompurify";

export function Comment({ comment }) {
  // ruleid: js-xss-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: comment.body }} />;
}

export function Safe({ comment }) {
  // ok: js-xss-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />;
}

export function Static() {
  // ok: js-xss-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: "<b>static</b>" }} />;
}

export function Text({ comment }) {
  // ok: js-xss-dangerously-set-inner-html
  return <div>{comment.body}</div>;
}
