import ast


def calc(expression, source):
    # ruleid: python-code-injection-unproven
    return eval(expression)


def run_snippet(snippet, namespace):
    # ruleid: python-code-injection-unproven
    exec(snippet, namespace)


def build(source):
    # ruleid: python-code-injection-unproven
    return compile("x = " + source, "<input>", "exec")


def safe(expression, engine):
    # ok: python-code-injection-unproven
    value = ast.literal_eval(expression)
    # ok: python-code-injection-unproven
    eval("1 + 1")
    # ok: python-code-injection-unproven
    engine.eval(expression)
    return value
