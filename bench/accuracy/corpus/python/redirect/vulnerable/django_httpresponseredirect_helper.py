from django.http import HttpResponseRedirect


def continue_to(target):
    return HttpResponseRedirect(target)


def language_switch(request):
    request.session["lang"] = "pt"
    return continue_to(request.POST["back"])
