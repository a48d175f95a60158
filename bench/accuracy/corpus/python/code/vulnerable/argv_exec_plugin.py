import sys


def load_hook(source):
    env = {}
    exec("def hook(record):\n    return " + source, env)
    return env["hook"]


if __name__ == "__main__":
    hook = load_hook(sys.argv[1])
    for line in sys.stdin:
        print(hook(line.rstrip("\n")))
