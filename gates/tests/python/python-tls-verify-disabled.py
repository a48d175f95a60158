import ssl

import httpx
import requests


def fetch(url):
    # ruleid: python-tls-verify-disabled
    requests.get(url, verify=False)
    session = requests.Session()
    # ruleid: python-tls-verify-disabled
    session.verify = False
    # ruleid: python-tls-verify-disabled
    session.post(url, data={}, verify=False)
    # ruleid: python-tls-verify-disabled
    client = httpx.Client(verify=False)
    # ruleid: python-tls-verify-disabled
    ctx = ssl._create_unverified_context()
    context = ssl.create_default_context()
    # ruleid: python-tls-verify-disabled
    context.check_hostname = False
    # ruleid: python-tls-verify-disabled
    context.verify_mode = ssl.CERT_NONE
    return client, ctx


def safe(url):
    # ok: python-tls-verify-disabled
    requests.get(url, verify=True, timeout=5)
    # ok: python-tls-verify-disabled
    requests.get(url, verify="/etc/ssl/private-ca.pem", timeout=5)
    # ok: python-tls-verify-disabled
    client = httpx.Client()
    context = ssl.create_default_context()
    # ok: python-tls-verify-disabled
    context.verify_mode = ssl.CERT_REQUIRED
    return client


def implement_option(verify):
    ctx = ssl.create_default_context()
    if verify is False:
        # ok: python-tls-verify-disabled
        ctx.check_hostname = False
        # ok: python-tls-verify-disabled
        ctx.verify_mode = ssl.CERT_NONE
    return ctx
