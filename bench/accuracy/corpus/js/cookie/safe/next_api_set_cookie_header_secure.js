export default function handler(req, res) {
  const token = req.body.token;
  res.setHeader("Set-Cookie", `auth=${token}; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax`);
  res.status(200).json({ issued: true });
}
