from django.http import JsonResponse

from .models import Product


def filtered_products(request):
    condition = request.GET.get("where", "True")
    products = Product.objects.all()
    matches = [p.name for p in products if eval(condition, {"p": p})]
    return JsonResponse({"products": matches})
