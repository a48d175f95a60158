from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route


async def tags(request):
    selected = request.query_params.getlist("tag")
    items = []
    for tag in selected:
        items.append("<li>" + tag + "</li>")
    return HTMLResponse("<ul>" + "".join(items) + "</ul>")


app = Starlette(routes=[Route("/tags", tags)])
