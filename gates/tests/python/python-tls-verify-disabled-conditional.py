import ssl


def create_context(verify):
    ctx = ssl.create_default_context()
    if verify is True:
        return ctx
    elif verify is False:
        # ruleid: python-tls-verify-disabled-conditional
        ctx.check_hostname = False
        # ruleid: python-tls-verify-disabled-conditional
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def strict():
    ctx = ssl.create_default_context()
    # ok: python-tls-verify-disabled-conditional
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx
