"""What the receiver hands the workflows: one review to make, from one webhook delivery."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

PULL_REQUEST = "pull_request"  # opened / reopened / synchronize / ready_for_review
MERGE_GROUP = "merge_group"  # checks_requested: base_sha..head_sha, verdict on head_sha, no comments
RERUN = "rerun"  # check_run / check_suite rerequested, `/ygs review` by an owner, member or collaborator


@dataclass(frozen=True)
class Job:
    delivery_id: str  # X-GitHub-Delivery: the workflow id, so a redelivery is a no-op
    kind: str  # PULL_REQUEST | MERGE_GROUP | RERUN
    installation_id: int
    repo: str  # owner/name
    clone_url: str  # repository.clone_url from the payload, used as is (tests pass a local path)
    number: int  # the pull request; 0 for a merge queue group
    head_sha: str  # "" on a RERUN from a comment: the reviewer reads the pull request's current head
    base_sha: str  # "" on a RERUN from a comment: likewise
    merge_group_ref: str = ""  # merge_group.head_ref (gh-readonly-queue/…)
    fork: bool = False  # the head lives in another repository
    sender: str = ""  # who caused the delivery (login), for the ledger

    @property
    def key(self) -> str:
        """What a newer review supersedes: one pull request (or one merge queue group ref)."""
        return f"{self.repo}#{self.number}" if self.number else f"{self.repo}@{self.merge_group_ref}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Job":
        return cls(**data)
