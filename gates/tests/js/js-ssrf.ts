export async function GET(request: Request): Promise<Response> {
  const target = new URL(request.url).searchParams.get("target") ?? "";
  // ruleid: js-ssrf
  return fetch(target);
}
