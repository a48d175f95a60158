from django.http import JsonResponse

from .models import Product

DEFAULT_CONDITION = "p.stock > 0"


def filtered_products(request):
    condition = DEFAULT_CONDITION
    products = Product.objects.all()
    matches = [p.name for p in products if eval(condition, {"p": p})]
    return JsonResponse({"products": matches})
