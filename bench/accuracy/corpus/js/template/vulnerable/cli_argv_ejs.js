const ejs = require("ejs");

const rows = [
  { name: "alpha", count: 3 },
  { name: "beta", count: 5 },
];
const layout = process.argv[2];

console.log(ejs.render(layout, { rows }));
