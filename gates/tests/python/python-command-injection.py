import asyncio
import os
import re
import shlex
import subprocess
import sys

import click
from fastapi import FastAPI, Query
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()
TOOLS = {"disk": "df -h", "load": "uptime"}
ALLOWED_HOSTS = {"db1", "db2"}


def ping_command(host):
    return "ping -c 1 " + host


@app.route("/ping")
def ping():
    # ruleid: python-command-injection
    os.system("ping -c 1 " + request.args["host"])
    host = request.form.get("host")
    # ruleid: python-command-injection
    subprocess.run(f"nslookup {host}", shell=True)
    # ruleid: python-command-injection
    os.popen(ping_command(request.values["h"]))
    opts = {"target": request.json["target"]}
    # ruleid: python-command-injection
    subprocess.Popen(["sh", "-c", "traceroute " + opts["target"]])
    # ruleid: python-command-injection
    subprocess.run([request.args["tool"], "--version"])
    return "ok"


@api.get("/lookup")
async def lookup(name: str = Query(...)):
    # ruleid: python-command-injection
    await asyncio.create_subprocess_shell("host %s" % name)


@click.command()
@click.argument("ref")
def checkout(ref):
    # ruleid: python-command-injection
    subprocess.check_output("git checkout " + ref, shell=True)


def main():
    # ruleid: python-command-injection
    os.system("tar xzf " + sys.argv[1])
    # ruleid: python-command-injection
    subprocess.getoutput("whois " + input("domain: "))


@app.route("/safe")
def safe():
    # ok: python-command-injection
    subprocess.run(["ping", "-c", "1", request.args["host"]])
    # ok: python-command-injection
    subprocess.run("ping -c 1 " + shlex.quote(request.args["host"]), shell=True)
    # ok: python-command-injection
    os.system(TOOLS[request.args["tool"]])
    host = request.args["host"]
    if host in ALLOWED_HOSTS:
        # ok: python-command-injection
        os.system("ping -c 1 " + host)
    # ok: python-command-injection
    os.system("kill -9 %d" % int(request.args["pid"]))
    cmd = request.args["cmd"]
    cmd = "uptime"
    # ok: python-command-injection
    os.system(cmd)
    if False:
        # ok: python-command-injection
        os.system(request.args["cmd"])
    return "ok"


def run(cmd):
    # ok: python-command-injection
    os.system(cmd)


_UNSAFE_CHARS = re.compile(r"[^\w@%+=:,./-]").search


@app.route("/convert")
def convert():
    name = request.args["file"]
    if _UNSAFE_CHARS(name):
        return "bad file name", 400
    # ok: python-command-injection
    return str(os.system("convert " + name + " out.png"))


@app.route("/convert/unchecked")
def convert_unchecked():
    name = request.args["file"]
    if len(name) > 64:
        return "too long", 400
    # ruleid: python-command-injection
    return str(os.system("convert " + name + " out.png"))
