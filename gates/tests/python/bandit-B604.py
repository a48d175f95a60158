def run(runner, ref):
    # ruleid: bandit-B604
    runner.call("git checkout " + ref, shell=True)
    # ok: bandit-B604
    runner.call(["git", "checkout", ref])
