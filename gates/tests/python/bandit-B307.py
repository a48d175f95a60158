import ast


def calc(expression):
    # ruleid: bandit-B307
    a = eval(expression)
    # ok: bandit-B307
    b = ast.literal_eval(expression)
    return a, b
