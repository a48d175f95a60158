import asyncio
import os
import shlex
import subprocess

LIST_CMD = "ls -l"


def run(host, ref):
    # ruleid: python-command-injection
    os.system("ping -c 1 " + host)
    # ruleid: python-command-injection
    os.popen(f"git log {ref}")
    # ruleid: python-command-injection
    subprocess.run(f"git checkout {ref}", shell=True)
    # ruleid: python-command-injection
    subprocess.check_output("tar xzf %s" % host, shell=True, cwd="/tmp")
    # ruleid: python-command-injection
    subprocess.Popen(["sh", "-c", "echo " + ref])
    # ruleid: python-command-injection
    subprocess.getoutput("whois " + host)


async def run_async(cmd):
    # ruleid: python-command-injection
    await asyncio.create_subprocess_shell(cmd)


def safe(host, ref):
    # ok: python-command-injection
    subprocess.run(["git", "checkout", ref], check=True)
    # ok: python-command-injection
    subprocess.run("ls -l", shell=True)
    # ok: python-command-injection
    os.system(LIST_CMD)
    # ok: python-command-injection
    subprocess.run(["ping", "-c", "1", host], shell=False)
    # ok: python-command-injection
    subprocess.run("ping -c 1 " + shlex.quote(host), shell=True)
    # ok: python-command-injection
    subprocess.Popen(["sh", "-c", "make clean"])
