from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route


async def pages(request):
    current = int(request.query_params.get("page", "1"))
    items = []
    for number in range(1, 6):
        css = "active" if number == current else ""
        items.append(f"<li class='{css}'><a href='?page={number}'>{number}</a></li>")
    return HTMLResponse("<ul>" + "".join(items) + f"</ul><p>Page {current}</p>")


app = Starlette(routes=[Route("/pages", pages)])
