import sqlite3

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def team_members(request):
    choices = [request.path_params["team"], "platform"]
    team = choices[1]
    db = sqlite3.connect("org.db")
    cursor = db.cursor()
    rows = cursor.execute("SELECT name FROM members WHERE team = '" + team + "'").fetchall()
    return JSONResponse([r[0] for r in rows])


app = Starlette(routes=[Route("/teams/{team}", team_members)])
