import _ from "lodash";

export default function handler(req, res) {
  const { banner } = req.query;
  const compiled = _.template("<div class='banner'>" + banner + " - <%= site %></div>");
  res.setHeader("Content-Type", "text/html");
  res.status(200).send(compiled({ site: "Example Store" }));
}
