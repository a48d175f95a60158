"""The review gate: change set -> findings -> filter -> verdict -> reports."""
