from django.http import JsonResponse

from .models import Account


def remember(request, key, value):
    request.session[key] = value


def choose_account(request):
    account = Account.objects.get(pk=int(request.POST["account_id"]), owner=request.user)
    remember(request, "account_id", account.pk)
    return JsonResponse({"account": request.session["account_id"]})
