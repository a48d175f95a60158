from django.http import HttpResponse


def last_search(request):
    term = request.COOKIES.get("last_search", "")
    response = HttpResponse(content_type="text/html")
    response.write("<h3>Your last search</h3>")
    response.write("<a href='/search?q=" + term + "'>" + term + "</a>")
    return response
