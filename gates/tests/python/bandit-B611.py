from django.db.models.expressions import RawSQL

from myapp.models import User


def search(column):
    # ruleid: bandit-B611
    a = User.objects.annotate(val=RawSQL("SELECT %s FROM t" % column, []))
    # ok: bandit-B611
    b = User.objects.annotate(val=RawSQL("SELECT name FROM t WHERE id = %s", [column]))
    return a, b
