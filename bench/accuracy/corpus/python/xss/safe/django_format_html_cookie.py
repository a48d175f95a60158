from django.http import HttpResponse
from django.utils.html import format_html


def last_search(request):
    term = request.COOKIES.get("last_search", "")
    response = HttpResponse(content_type="text/html")
    response.write("<h3>Your last search</h3>")
    response.write(format_html("<a href='/search?q={0}'>{0}</a>", term))
    return response
