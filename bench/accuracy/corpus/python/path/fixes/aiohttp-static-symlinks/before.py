from pathlib import Path

from aiohttp import web

STATIC_ROOT = Path("/srv/static").resolve()


async def handle_static(request):
    rel_url = request.match_info["filename"]
    filepath = STATIC_ROOT.joinpath(rel_url).resolve()
    if not filepath.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(filepath)


app = web.Application()
app.router.add_get("/static/{filename:.*}", handle_static)

if __name__ == "__main__":
    web.run_app(app)
