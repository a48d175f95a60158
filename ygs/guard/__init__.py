"""The guardrails while an agent works: the active task and its plan, the work-tree snapshot, the
verdict (STOP / checkpoint due), the hooks that enforce it, the test runner and the ledger.

Nothing in this package imports the review machinery: the agent hooks import it on every edit.
"""
