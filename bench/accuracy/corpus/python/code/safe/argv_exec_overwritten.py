import sys


def load_hook(source):
    env = {}
    exec("def hook(record):\n    return " + source, env)
    return env["hook"]


if __name__ == "__main__":
    source = sys.argv[1]
    source = "record.upper()"
    hook = load_hook(source)
    for line in sys.stdin:
        print(hook(line.rstrip("\n")))
