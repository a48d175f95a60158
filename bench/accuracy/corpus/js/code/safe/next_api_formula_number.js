export default function handler(req, res) {
  const factor = Number(req.body.factor);
  const values = [];
  for (let x = 0; x < 10; x += 1) {
    values.push(eval(String(x) + " * " + factor));
  }
  res.status(200).json({ values });
}
