import ast


def calc(expression, source):
    # ruleid: python-code-injection
    return eval(expression)


def run_snippet(snippet, namespace):
    # ruleid: python-code-injection
    exec(snippet, namespace)


def build(source):
    # ruleid: python-code-injection
    return compile("x = " + source, "<input>", "exec")


def safe(expression, engine):
    # ok: python-code-injection
    value = ast.literal_eval(expression)
    # ok: python-code-injection
    eval("1 + 1")
    # ok: python-code-injection
    engine.eval(expression)
    return value
