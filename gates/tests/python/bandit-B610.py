from myapp.models import User


def search(name):
    # ruleid: bandit-B610
    a = User.objects.extra(where=["name = '%s'" % name])
    # ok: bandit-B610
    b = User.objects.extra(where=["name = %s"], params=[name])
    # ok: bandit-B610
    c = User.objects.filter(name=name)
    return a, b, c
