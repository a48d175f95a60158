from django.db import connection
from django.http import JsonResponse


def order_history(request, customer_id):
    status = request.POST.get("status", "shipped")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, total FROM orders WHERE customer_id = {} AND status = '{}'".format(customer_id, status)
        )
        rows = cursor.fetchall()
    return JsonResponse({"orders": [{"id": r[0], "total": float(r[1])} for r in rows]})
