"""The secrets analyzer, driven through real temp git repositories (change set -> scan tree -> run).

Every secret below is fake: shaped like the real thing, with "Fixture" inside where the format allows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ygs import diff, git
from ygs.config import Config
from ygs.resources import data_dir
from ygs.review import policy
from ygs.review.analyzers import secrets
from ygs.review.model import AnalyzerResult, ScanContext, Severity

AWS_KEY_ID = "AKIAFIXTURE7Q3K2M4NZ"
AWS_SECRET = "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"
GITHUB = "ghp_FixtureKGpOyQNcdOyZbkBFTFoOxtzHq8STZ"
GITHUB_PAT = "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"
GITLAB = "glpat-FixtureTY2xA6bznBRki"
SLACK = "xoxb-461416274373-2622297511964-FixtureeosfhypnXLDn8S9w"
SLACK_HOOK = "https://hooks.slack.com/services/T0FIXTURE/B0K0DO4UE1/FixturePBTrbEpvpDbnIIAp"
STRIPE_LIVE = "sk_live_Fixture00zKLMcyKHKi7M07QbbS"
STRIPE_TEST = "sk_test_Fixturetdd8AgdmX2sau4rEE7na"
GOOGLE = "AIzaFixturey6Sa7XXhV6L9uf9D8DXa_RAnfBmK"
OPENAI = "sk-proj-FixtureOO5KMOZPI_oVpbR2CDjlt1BC5Gco7fcopoFShyAOT3BlbkFJ9H5sLwzcZjS6dDb1qrWMYJc-fwFp64OJxA_6EgQa"
ANTHROPIC = (
    "sk-ant-api03-FixtureISMKsvrBsD37GL4JayTZwkJrj-L_21Dikr4w7T2iuSzSuY9Ui2NICGDmbn7db9nTle7Rt__dF85e4oo8VYFlMfAA"
)
NPM = "npm_Fixturea4svm9zWxNV31eSjE8hlafb0tCYm8"
PYPI = "pypi-AgEIcHlwaS5vcmcFixtureeDswqoiAvYxGJ9Bgi4ycOAw3sI7qijLYLsGhkcfSVOnh-LGu48qclNx_QTLH"
JWT = (
    "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9."
    "eyJzdWIiOiAiZml4dHVyZS11c2VyIiwgImlzcyI6ICJodHRwczovL2F1dGguZml4dHVyZS5pbnZhbGlkIiwgImlhdCI6IDE3NjM3Njk2MDB9."
    "zvLgkGoy6-LmMrBwuEsC3tkOBvuO2LhkTU9xZrPKyw7"
)
JWT_IO_SAMPLE = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
RANDOM = "Fx764foO7OvqUYNYrICuuZFa"
HEX = "a604344f2b21279020a7421eac36f1a8614399fa"
PEM_BODY = (
    "MIIEogIBAAKCAQEAFixtureOnlyTFoLiMQCxukSW08H6FB5D2MQT9XzW/T+oJ6Pm\n"
    "PSQpSEIlcnoEmx/gwsmr/mYVJ/6WSpC9GYXDcg4BAXl/L0bkXmCCqrsvG1utdWt2\n"
    "kLkW8ymfi34Dcntk7OmAODTJZwDY3FhoM4d9bvWTcEMqDWJ9wBztdiD8XXfDgulk\n"
    "EyhwK+YwBJ/LSDr4tKp7==\n"
)


def scan(repo, files: dict[str, str], tmp_path: Path, base: str = git.EMPTY_TREE) -> AnalyzerResult:
    """Write files into the repo's work tree and run the analyzer on the change set base -> work tree."""
    for rel, text in files.items():
        repo.write(rel, text)
    changeset = diff.collect(repo.path, base, diff.WORKTREE)
    paths = tuple(change.path for change in changeset.files if change.scannable)
    tree = tmp_path / "tree"
    changeset.materialize(tree, paths)
    ctx = ScanContext(tree=tree, files=paths, config=Config(), gates_dir=data_dir("gates"), changeset=changeset)
    return secrets.run(ctx)


def found(result: AnalyzerResult) -> set[tuple[str, str, int]]:
    return {(f.rule_id, f.path, f.line) for f in result.findings}


def rules_in(repo, tmp_path: Path, path: str, text: str) -> set[str]:
    return {f.rule_id for f in scan(repo, {path: text}, tmp_path).findings}


# --- what is reported -----------------------------------------------------------------------------------------

TOKENS = [
    ("secret-aws-access-key", f'AWS_ACCESS_KEY_ID = "{AWS_KEY_ID}"'),
    ("secret-aws-secret-key", f'aws_secret_access_key = "{AWS_SECRET}"'),
    ("secret-github-token", f'token = "{GITHUB}"'),
    ("secret-github-token", f'GITHUB_PAT = "{GITHUB_PAT}"'),
    ("secret-gitlab-token", f'GITLAB = "{GITLAB}"'),
    ("secret-slack-token", f'SLACK = "{SLACK}"'),
    ("secret-slack-webhook", f'HOOK = "{SLACK_HOOK}"'),
    ("secret-stripe-key", f'stripe.api_key = "{STRIPE_LIVE}"'),
    ("secret-stripe-test-key", f'stripe.api_key = "{STRIPE_TEST}"'),
    ("secret-google-api-key", f'MAPS = "{GOOGLE}"'),
    ("secret-openai-key", f'client = OpenAI(api_key="{OPENAI}")'),
    ("secret-anthropic-key", f'client = Anthropic(api_key="{ANTHROPIC}")'),
    ("secret-npm-token", f'NPM = "{NPM}"'),
    ("secret-pypi-token", f'PYPI = "{PYPI}"'),
    ("secret-jwt", f'headers = {{"Authorization": "Bearer {JWT}"}}'),
    ("secret-password-in-url", 'DATABASE_URL = "postgresql://app:Fixture7mK2pQ9xZr4w@db.prod.fixture.net/app"'),
    ("secret-generic-assignment", f'DB_PASSWORD = "{RANDOM}"'),
]


@pytest.mark.parametrize(("rule_id", "line"), TOKENS, ids=[f"{r}-{i}" for i, (r, _) in enumerate(TOKENS)])
def test_each_kind_of_secret_is_reported_on_its_line(repo, tmp_path, rule_id: str, line: str) -> None:
    result = scan(repo, {"app/settings.py": f"import os\n\n{line}\n"}, tmp_path)
    assert result.status == "ok"
    assert found(result) == {(rule_id, "app/settings.py", 3)}


def test_secret_values_are_redacted_and_never_in_the_message(repo, tmp_path) -> None:
    text = "".join(f"{line}\n" for _, line in TOKENS)
    result = scan(repo, {"app/settings.py": text}, tmp_path)
    assert len(result.findings) == len(TOKENS)
    for finding in result.findings:
        assert finding.redact and all(finding.redact)
        line = text.split("\n")[finding.line - 1]
        assert all(value in line for value in finding.redact), finding
        assert not any(value in finding.message for value in finding.redact), finding.message
        assert finding.source == "secrets" and not finding.whole_file


def test_a_message_shows_at_most_the_vendor_prefix(repo, tmp_path) -> None:
    result = scan(repo, {"deploy.sh": f"export GITHUB_TOKEN={GITHUB}\n"}, tmp_path)
    (finding,) = result.findings
    assert finding.message == "GitHub token (ghp_…) hard-coded"
    assert finding.redact == (GITHUB,)


@pytest.mark.parametrize(
    ("path", "text", "line"),
    [
        ("config/app.yaml", f"db:\n  host: db.prod.fixture.net\n  password: {RANDOM}\n", 3),
        (".env.production", f"PORT=8080\nDB_PASSWORD={RANDOM}\n", 2),
        ("config/app.ini", f"[db]\npassword = {RANDOM}  ; rotated monthly\n", 2),
        ("src/Settings.java", f'class S {{\n  static final String SIGNING_KEY = "{RANDOM}";\n}}\n', 2),
        ("src/settings.go", f'package s\n\nconst webhookSecret = "{HEX}"\n', 3),
        ("web/api.ts", f"const config = {{\n  clientSecret: '{RANDOM}',\n}};\n", 2),
        ("config/settings.json", f'{{\n  "api_key": "{RANDOM}"\n}}\n', 2),
        ("app/db.py", f'connect(host="db", password="{RANDOM}")\n', 1),
        ("app/db.py", f'settings["client_secret"] = "{RANDOM}"\n', 1),
    ],
)
def test_generic_assignments_in_code_and_config_syntaxes(repo, tmp_path, path: str, text: str, line: int) -> None:
    assert found(scan(repo, {path: text}, tmp_path)) == {("secret-generic-assignment", path, line)}


def test_private_key_block_spans_its_lines_and_redacts_every_body_line(repo, tmp_path) -> None:
    text = f'NOTE = 1\nKEY = """-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}-----END RSA PRIVATE KEY-----"""\n'
    (finding,) = scan(repo, {"app/keys.py": text}, tmp_path).findings
    assert (finding.rule_id, finding.line, finding.end_line) == ("secret-private-key", 2, 7)
    assert finding.message == "RSA private key hard-coded"
    assert set(finding.redact) == {line for line in PEM_BODY.splitlines()}


def test_service_account_json_private_key_is_reported(repo, tmp_path) -> None:
    key = "-----BEGIN PRIVATE KEY-----\n" + PEM_BODY + "-----END PRIVATE KEY-----\n"
    text = json.dumps({"type": "service_account", "private_key": key, "client_email": "ci@x.iam.gserviceaccount.com"})
    (finding,) = scan(repo, {"deploy/sa.json": text + "\n"}, tmp_path).findings
    assert finding.rule_id == "secret-private-key" and finding.line == 1
    assert finding.message == "Google service-account private key hard-coded"
    assert all(value in text for value in finding.redact) and len(finding.redact) == 4


def test_a_token_inside_a_url_or_assignment_is_one_finding(repo, tmp_path) -> None:
    text = f'REMOTE = "https://x-access-token:{GITHUB}@github.com/org/repo.git"\nAPI_TOKEN = "{GITHUB}"\n'
    result = scan(repo, {"ci/push.py": text}, tmp_path)
    assert found(result) == {("secret-github-token", "ci/push.py", 1), ("secret-github-token", "ci/push.py", 2)}


def test_line_numbers_count_newlines_like_git(repo, tmp_path) -> None:
    text = f"a = 1\r\n\x0c\r\nb = 2\r\ntoken = '{GITHUB}'\r\n"
    assert found(scan(repo, {"app/crlf.py": text}, tmp_path)) == {("secret-github-token", "app/crlf.py", 4)}


def test_long_lines_get_only_the_vendor_token_patterns(repo, tmp_path) -> None:
    filler = "var a=1;" * 600
    text = f'{filler}var password="{RANDOM}";var k="{GITHUB}";{filler}\nconst apiKey = "{RANDOM}";\n'
    result = scan(repo, {"static/app.min.js": text}, tmp_path)
    assert found(result) == {
        ("secret-github-token", "static/app.min.js", 1),
        ("secret-generic-assignment", "static/app.min.js", 2),
    }


def test_a_large_file_is_scanned_to_its_end(repo, tmp_path) -> None:
    body = "def handler(request, token_store):\n    return token_store.get(request.user)\n" * 10_000
    result = scan(repo, {"app/big.py": body + f'API_TOKEN = "{GITHUB}"\n'}, tmp_path)
    assert found(result) == {("secret-github-token", "app/big.py", 20_001)}


# --- what is deliberately not reported ------------------------------------------------------------------------

PLACEHOLDERS = [
    'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"',
    'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
    'token = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
    'token = "ghp_000000000000000000000000000000000000"',
    'HOOK = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"',
    'STRIPE = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"',
    f'JWT = "{JWT_IO_SAMPLE}"',
    'CSS = "sk-button-primary-large-variant-extra"',
    'password = "changeme"',
    'password = "changeme-changeme"',
    'password = "<your-password>"',
    'password = "${DB_PASSWORD}"',
    'password = "{{ vault_db_password }}"',
    'password = "%(db_password)s"',
    'password = "xxxxxxxxxxxxxxxx"',
    'password = "Summer2023!"',
    'password = "P@ssw0rd2024!"',
    'api_key = "dummy-api-key-123"',
    'api_key = "test-key-abcdef-123456"',
    'token = "exampleTokenValue123"',
    'DB_PASSWORD = os.environ["DB_PASSWORD"]',
    'api_key = os.getenv("API_KEY")',
    'password_hash = "Fx764foO7OvqUYNYrICuuZFa"',
    'token_url = "https://auth.fixture.net/oauth/token"',
    'secret_name = "payments-db-credentials"',
    'max_tokens = 4096',
    'API_KEY_ENV = "OPENAI_API_KEY"',
    'private_key_path = "/etc/ssl/private/server.pem"',
    'output_token = "DistributionList.NextMarker"',
    'PREFERRED_AUTH_KEY = "spec.preferredAuthentication"',
    'if password == "Fx764foO7OvqUYNYrICuuZFa": pass',
    'if password != "Fx764foO7OvqUYNYrICuuZFa": pass',
    '# password = "Fx764foO7OvqUYNYrICuuZFa"',
    'HEADER = "-----BEGIN RSA PRIVATE KEY-----"',
    'DOC = "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----"',
    'URL = "postgresql://user:password@db.prod.fixture.net/app"',
    'URL = "postgresql://app:Fixture7mK2pQ9xZr4w@localhost:5432/app"',
    'URL = "postgresql://app:Fixture7mK2pQ9xZr4w@db:5432/app"',
    'URL = "postgresql://app:Fixture7mK2pQ9xZr4w@db.example.com/app"',
    'URL = "postgresql://app:${DB_PASSWORD}@db.prod.fixture.net/app"',
    'URL = "https://foo.com:123,foo:bar@bar.com/path"',
    'URL = "https://user:pass@db.prod.fixture.net/"',
    'URL = "ssh://git@github.com:22/org/repo.git"',
]


@pytest.mark.parametrize("line", PLACEHOLDERS)
def test_placeholders_and_non_secrets_are_not_reported(repo, tmp_path, line: str) -> None:
    assert rules_in(repo, tmp_path, "app/settings.py", f"import os\n{line}\n") == set()


def test_docstring_examples_are_not_generic_secrets(repo, tmp_path) -> None:
    text = f'def sign(request):\n    """Example:\n\n        token = "{RANDOM}"\n    """\n'
    assert rules_in(repo, tmp_path, "app/oauth.py", text) == set()


def test_documentation_files_get_no_generic_assignments_but_do_get_tokens(repo, tmp_path) -> None:
    text = f"Configure it:\n\n    password: {RANDOM}\n    token = \"{GITHUB}\"\n"
    assert rules_in(repo, tmp_path, "docs/setup.md", text) == {"secret-github-token"}


def test_commented_lines_in_config_files_are_documentation(repo, tmp_path) -> None:
    text = f"# jetty.openid.clientSecret={RANDOM}\n; password = {RANDOM}\n"
    assert rules_in(repo, tmp_path, "etc/jetty.ini", text) == set()


def test_firebase_web_config_keys_are_public_by_design(repo, tmp_path) -> None:
    text = f'const firebaseConfig = {{\n  apiKey: "{GOOGLE}",\n  authDomain: "fixture.firebaseapp.com",\n}};\n'
    assert rules_in(repo, tmp_path, "web/firebase.js", text) == set()


def test_supabase_anon_keys_and_claimless_jwts_are_not_reported(repo, tmp_path) -> None:
    anon = ("eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJpc3MiOiAic3VwYWJhc2UiLCAicm9sZSI6ICJhbm9uIiwgImlhdCI6IDE3NjM3"
            "Njk2MDB9.zsJXSAs655mGj4N-MCnlEEpXhqUsGaClEKL3RwoFLbf")
    sample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzb21lIjoicGF5bG9hZCJ9.4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg"
    assert rules_in(repo, tmp_path, "web/client.js", f'const a = "{anon}";\nconst b = "{sample}";\n') == set()


# --- tests and examples ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["tests/test_api.py", "app/api_test.py", "web/api.spec.ts", "config/app.example.yaml",
                                  "src/fixtures/tokens.py"])
def test_secrets_in_tests_and_examples_get_the_advisory_rule(repo, tmp_path, path: str) -> None:
    result = scan(repo, {path: f'TOKEN = "{GITHUB}"\nKEY = "{AWS_KEY_ID}"\n'}, tmp_path)
    assert found(result) == {("secret-in-test-file", path, 1), ("secret-in-test-file", path, 2)}
    assert all(f.message.endswith("(in a test or example file)") for f in result.findings)
    assert all(f.redact for f in result.findings)
    rules = policy.load(data_dir("gates"))
    assert rules.rule_for(result.findings[0]).severity is Severity.SHOULD


def test_documented_examples_in_tests_are_not_reported_at_all(repo, tmp_path) -> None:
    text = 'KEY_ID = "AKIAIOSFODNN7EXAMPLE"\nSECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n'
    assert rules_in(repo, tmp_path, "tests/test_s3.py", text) == set()


# --- evidence and policy --------------------------------------------------------------------------------------


def test_evidence_counts_every_changed_text_file(repo, tmp_path) -> None:
    repo.write("assets/logo.png", b"\x89PNG\r\n\x1a\n\0\0\0binary")
    result = scan(repo, {"a.py": "x = 1\n", "b.yaml": "k: v\n", ".env": f"TOKEN={GITHUB}\n"}, tmp_path)
    assert (result.status, result.files_applicable, result.files_scanned) == ("ok", 3, 3)
    assert result.rules_run == len(secrets.RULE_IDS) and result.version
    assert found(result) == {("secret-github-token", ".env", 1)}


def test_an_unreadable_file_is_reported_as_unparsed_not_raised(tmp_path) -> None:
    ctx = ScanContext(tree=tmp_path, files=("gone.py",), config=Config(), gates_dir=data_dir("gates"), changeset=None)
    result = secrets.run(ctx)
    assert result.status == "ok" and result.files_scanned == 0
    assert [path for path, _ in result.unparsed] == ["gone.py"]


def test_every_rule_the_analyzer_emits_has_a_policy_entry() -> None:
    rules = policy.load(data_dir("gates")).rules
    for rule_id in secrets.RULE_IDS:
        assert rule_id in rules, rule_id
        assert rules[rule_id].category == "secrets" and rules[rule_id].cwe and rules[rule_id].fix
    blocking = {r for r in secrets.RULE_IDS if rules[r].severity is Severity.MUST}
    assert blocking == set(secrets.RULE_IDS) - {"secret-in-test-file", "secret-stripe-test-key"}


# --- through the gate -----------------------------------------------------------------------------------------


def test_review_blocks_a_committed_token_and_never_prints_it(repo, run_ygs) -> None:
    repo.write("app.py", "import os\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app.py", f'import os\n\nGITHUB_TOKEN = "{GITHUB}"\nDB_PASSWORD = "{RANDOM}"\n')
    repo.commit("add config")
    result = run_ygs("review", "--no-llm", "--format", "json")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert GITHUB not in result.stdout and RANDOM not in result.stdout
    report = json.loads(result.stdout)
    hits = {(f["rule_id"], f["line"], f["severity"]) for f in report["findings"]}
    assert {("secret-github-token", 3, "MUST"), ("secret-generic-assignment", 4, "MUST")} <= hits
    snippet = next(f["snippet"] for f in report["findings"] if f["rule_id"] == "secret-github-token")
    assert "ghp_…[redacted]" in snippet
