"""`ygs serve`: the review-gate service, a GitHub App that gates every pull request of an installation.

Layers (data flows one way): receiver (signed webhook -> Job, persisted as a durable workflow) -> workflows
(DBOS: checkpointed steps, queues partitioned per installation) -> reviewer (installation token, checkout of
base and head, `ygs review` with the base's policy, the same publisher as `ygs review --publish github`) ->
ledger (the append-only decision record) -> status page / `ygs history --db`.
"""
