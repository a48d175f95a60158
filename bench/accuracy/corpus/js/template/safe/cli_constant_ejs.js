const ejs = require("ejs");

const LAYOUT = "<% rows.forEach(function (row) { %><%= row.name %>: <%= row.count %>\n<% }) %>";
const rows = process.argv.slice(2).map((name) => ({ name, count: name.length }));

console.log(ejs.render(LAYOUT, { rows }));
