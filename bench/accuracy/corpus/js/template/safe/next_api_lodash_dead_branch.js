import _ from "lodash";

export default function handler(req, res) {
  let banner = "Summer sale";
  if (7 * 18 > 200) {
    banner = req.query.banner;
  }
  const compiled = _.template("<div class='banner'>" + banner + " - <%- site %></div>");
  res.setHeader("Content-Type", "text/html");
  res.status(200).send(compiled({ site: "Example Store" }));
}
