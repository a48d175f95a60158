from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Article


@require_GET
def articles_by_author(request):
    author = request.GET.get("author", "")
    sql = "SELECT * FROM blog_article WHERE author_name = '%s' ORDER BY published DESC" % author
    articles = Article.objects.raw(sql)
    return JsonResponse({"titles": [a.title for a in articles]})
