import asyncio
import os
import shlex
import subprocess

LIST_CMD = "ls -l"


def run(host, ref):
    # ruleid: python-command-injection-unproven
    os.system("ping -c 1 " + host)
    # ruleid: python-command-injection-unproven
    os.popen(f"git log {ref}")
    # ruleid: python-command-injection-unproven
    subprocess.run(f"git checkout {ref}", shell=True)
    # ruleid: python-command-injection-unproven
    subprocess.check_output("tar xzf %s" % host, shell=True, cwd="/tmp")
    # ruleid: python-command-injection-unproven
    subprocess.Popen(["sh", "-c", "echo " + ref])
    # ruleid: python-command-injection-unproven
    subprocess.getoutput("whois " + host)


async def run_async(cmd):
    # ruleid: python-command-injection-unproven
    await asyncio.create_subprocess_shell(cmd)


def safe(host, ref):
    # ok: python-command-injection-unproven
    subprocess.run(["git", "checkout", ref], check=True)
    # ok: python-command-injection-unproven
    subprocess.run("ls -l", shell=True)
    # ok: python-command-injection-unproven
    os.system(LIST_CMD)
    # ok: python-command-injection-unproven
    subprocess.run(["ping", "-c", "1", host], shell=False)
    # ok: python-command-injection-unproven
    subprocess.run("ping -c 1 " + shlex.quote(host), shell=True)
    # ok: python-command-injection-unproven
    subprocess.Popen(["sh", "-c", "make clean"])
    # ok: python-command-injection-unproven
    subprocess.run("kill -9 %d" % int(host), shell=True)
