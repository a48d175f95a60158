const express = require("express");
const errorhandler = require("errorhandler");

const app = express();

// ruleid: js-express-errorhandler
app.use(errorhandler());

if (process.env.NODE_ENV === "development") {
  // ok: js-express-errorhandler
  app.use(errorhandler());
}
