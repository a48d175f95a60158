# Python debug leftovers: calls in code, not in strings, comments or docstrings.
import pdb
# ruleid: hygiene-pdb
import ipdb


def handler(request):
    # ruleid: hygiene-breakpoint
    breakpoint()
    # ruleid: hygiene-pdb
    pdb.set_trace()
    # ruleid: hygiene-pdb
    import pdb; pdb.set_trace()
    # ruleid: hygiene-pdb
    ipdb.set_trace(context=10)
    # ok: hygiene-breakpoint
    message = "call breakpoint() to stop here"
    # ok: hygiene-breakpoint
    # breakpoint()
    # ok: hygiene-breakpoint
    debugger.breakpoint()
    """
    Usage:
    # ok: hygiene-breakpoint
        breakpoint()
    """
    # ok: hygiene-pdb
    pdb.post_mortem(request.traceback)
    # ruleid: hygiene-todo
    # TODO: validate the request before handling it
    # ok: hygiene-todo
    label = "TODO list"
    return message, label


class Debugger:
    # ok: hygiene-breakpoint
    def breakpoint(self):
        return None

    # ok: hygiene-pdb
    def set_trace(self, frame=None):
        return frame
