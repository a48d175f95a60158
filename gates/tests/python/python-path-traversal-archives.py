import os
import shutil
import tarfile
import zipfile
from pathlib import Path

import click
from aiohttp import web
from flask import Flask, request

app = Flask(__name__)
BASE = "/srv/templates"
ROOT = Path("/srv/static")


@app.put("/bundles")
def install_bundle():
    bundle_file = request.files.get("bundle")
    bundle_file.save("/var/tmp/bundle.zip")
    with zipfile.ZipFile("/var/tmp/bundle.zip", "r") as bundle:
        # ruleid: python-path-traversal
        bundle.extractall("/srv/bundles")


@app.post("/plugins/safe")
def install_plugin_filtered():
    upload = request.files["plugin"]
    upload.save("/tmp/plugin.tar")
    with tarfile.open("/tmp/plugin.tar") as archive:
        # ok: python-path-traversal
        archive.extractall("/srv/plugins", filter="data")


def bundled_themes():
    with tarfile.open("/usr/share/app/themes.tar") as archive:
        # ok: python-path-traversal
        archive.extractall("/srv/themes")


async def static_file(request):
    name = request.match_info["name"]
    # ruleid: python-path-traversal
    return web.FileResponse(ROOT / name)


@click.command()
@click.argument("name")
@click.argument("dest")
def copy_template(name, dest):
    # ruleid: python-path-traversal
    shutil.copytree(os.path.join(BASE, name), dest)
    # ok: python-path-traversal
    shutil.copytree(os.path.join(BASE, os.path.basename(name)), dest)


@click.command()
@click.argument("config")
def show(config):
    # ok: python-path-traversal
    with open(config) as handle:
        click.echo(handle.read())


@click.command()
@click.argument("name")
def report(name):
    # ok: python-path-traversal
    with open(os.path.join("reports", name + ".csv"), "w") as handle:
        handle.write("total\n")
    # ruleid: python-path-traversal
    with open(os.path.join("/var/reports", name), "w") as handle:
        handle.write("total\n")


def _inside(base, target):
    return os.path.realpath(target).startswith(os.path.realpath(base) + os.sep)


@app.post("/plugins/checked")
def install_plugin_checked():
    upload = request.files["plugin"]
    upload.save("/tmp/plugin.tar")
    with tarfile.open("/tmp/plugin.tar") as archive:
        for member in archive.getmembers():
            if not _inside("/srv/plugins", os.path.join("/srv/plugins", member.name)):
                return "bad archive", 400
        # ok: python-path-traversal
        archive.extractall("/srv/plugins")
