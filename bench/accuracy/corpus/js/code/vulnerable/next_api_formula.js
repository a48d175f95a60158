export default function handler(req, res) {
  const { formula } = req.body;
  const values = [];
  for (let x = 0; x < 10; x += 1) {
    values.push(eval(formula.replace(/x/g, String(x))));
  }
  res.status(200).json({ values });
}
