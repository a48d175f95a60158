def run(snippet, namespace):
    # ruleid: bandit-B102
    exec(snippet, namespace)
    # ok: bandit-B102
    namespace.update({"snippet": snippet})
