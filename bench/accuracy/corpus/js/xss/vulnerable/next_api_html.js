export default function handler(req, res) {
  const { message } = req.query;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.status(200).send("<html><body><p>You said: " + message + "</p></body></html>");
}
