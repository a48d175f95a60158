const express = require("express");
const { exec } = require("child_process");

const app = express();
app.use(express.urlencoded({ extended: true }));

app.post("/jobs", (req, res) => {
  const job = { queue: "default", script: req.body.script };
  const line = `bash /opt/jobs/run.sh --queue ${job.queue} ${job.script}`;
  exec(line, (err, stdout) => res.json({ ok: !err, output: stdout }));
});

app.listen(3000);
