from django.db import connection
from django.http import JsonResponse


def order_history(request):
    customer_id = int(request.GET.get("customer", "0"))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, total FROM orders WHERE customer_id = {} AND status = 'shipped'".format(customer_id)
        )
        rows = cursor.fetchall()
    return JsonResponse({"orders": [{"id": r[0], "total": float(r[1])} for r in rows]})
