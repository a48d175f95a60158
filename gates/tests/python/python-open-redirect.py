from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for
from starlette.responses import RedirectResponse

app = Flask(__name__)
ALLOWED_TARGETS = {"/home", "/account"}


def with_tracking(url):
    return url + "?ref=login"


@app.route("/login")
def login():
    # ruleid: python-open-redirect
    return redirect(request.args["next"])


@app.route("/go")
def go():
    target = request.args.get("to", "/")
    # ruleid: python-open-redirect
    return redirect(with_tracking(target))


@app.route("/go2")
def go2():
    options = {"target": request.form["target"]}
    # ruleid: python-open-redirect
    return redirect(options["target"])


def django_login(request):
    # ruleid: python-open-redirect
    return HttpResponseRedirect(request.GET["next"])


async def starlette_view(request):
    # ruleid: python-open-redirect
    return RedirectResponse(request.query_params["next"])


@app.route("/safe")
def safe():
    # ok: python-open-redirect
    a = redirect(url_for("profile", name=request.args["name"]))
    # ok: python-open-redirect
    b = redirect("/profile/" + request.args["name"])
    target = request.args["next"]
    if target in ALLOWED_TARGETS:
        # ok: python-open-redirect
        c = redirect(target)
    nxt = request.args["next"]
    nxt = "/"
    # ok: python-open-redirect
    d = redirect(nxt)
    if False:
        # ok: python-open-redirect
        redirect(request.args["next"])
    return a, b, c, d


def django_safe(request):
    nxt = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        nxt = "/"
    # ok: python-open-redirect
    return django_redirect(nxt)


def back(url):
    # ok: python-open-redirect
    return redirect(url)
