import sqlite3

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def team_members(request):
    team = request.path_params["team"]
    db = sqlite3.connect("org.db")
    cursor = db.cursor()
    cursor.executescript("UPDATE teams SET last_viewed = CURRENT_TIMESTAMP WHERE slug = '%s';" % team)
    rows = cursor.execute("SELECT name FROM members WHERE team = '" + team + "'").fetchall()
    return JSONResponse([r[0] for r in rows])


app = Starlette(routes=[Route("/teams/{team}", team_members)])
