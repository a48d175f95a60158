type Props = { html: string };

export function Preview({ html }: Props) {
  // ruleid: js-xss-dangerously-set-inner-html
  return <section dangerouslySetInnerHTML={{ __html: html }}></section>;
}
