const ejs = require("ejs");
const pug = require("pug");
const Handlebars = require("handlebars");

const PAGE = "<h1><%= title %></h1>";

app.get("/render", (req, res) => {
  // ruleid: js-template-injection
  res.send(ejs.render(req.body.template, {}));
  const tpl = "<h1>" + req.query.title + "</h1>";
  // ruleid: js-template-injection
  res.send(pug.render(tpl));
  // ruleid: js-template-injection
  const fn = Handlebars.compile({ source: req.query.t }.source);
  // ok: js-template-injection
  res.send(ejs.render(PAGE, { title: req.query.title }));
  let source = req.query.t;
  source = "<p>{{name}}</p>";
  // ok: js-template-injection
  res.send(Handlebars.compile(source)({ name: req.query.name }) + fn);
});

const cardTemplate = Handlebars.compile("<div class=card>{{title}}</div>");

app.post("/card", (req, res) => {
  // ok: js-template-injection
  res.send(cardTemplate({ title: req.body.title }));
});
