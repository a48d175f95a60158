import mysql from "mysql2/promise";

const connection = mysql.createPool({ host: "db", user: "web", database: "app" });

export default async function handler(req, res) {
  const teamId = parseInt(req.query.team, 10);
  const [rows] = await connection.query("SELECT name, role FROM members WHERE team_id = " + teamId);
  res.status(200).json(rows);
}
