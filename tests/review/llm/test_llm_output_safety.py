"""What the LLM pass sends and what it writes back cannot leak or hijack: `.env` values never reach the prompt,
and a model-written message cannot drive the terminal or run a CI workflow command from the text report."""

from __future__ import annotations

import json

from llm_testing import CHANGED, finding
from messages_stub import tool_reply

SECRET = "supersecretvalue123"


def test_env_values_are_not_sent_to_the_model(make_project, llm, run_ygs):
    repo = make_project()
    repo.write(".env", f"API_KEY={SECRET}\n# local settings\n")
    repo.write("deploy/prod.env", f"export TOKEN: '{SECRET}'\n")
    repo.write("app.py", CHANGED)
    repo.commit("env files")
    result = run_ygs("review", "--format", "json")
    sent = "\n".join(request.user_text for request in llm.message_requests)
    assert json.loads(result.stdout)["evidence"]["analyzers"]["llm"]["status"] == "ok", result.stdout
    assert SECRET not in sent and SECRET not in result.stdout
    assert "API_KEY=***" in sent and "export TOKEN: ***" in sent and "# local settings" in sent
    assert 'os.system("sh -c " + cmd)' in sent  # other files go as they are


def test_a_model_written_message_cannot_hijack_the_text_report(make_project, llm, run_ygs):
    repo = make_project()
    repo.write("app.py", CHANGED)
    repo.commit("add run")
    message = "::stop-commands::t0k\n::add-mask::x \x1b]0;pwned\x07\u202e"
    llm.queue(tool_reply([finding(message=message, fix="::warning::fake\r\nfix")]))
    result = run_ygs("review", "--format", "text")
    assert result.exit_code == 1, result.stdout + result.stderr
    lines = result.stdout.split("\n")
    assert not [line for line in lines if line.lstrip().startswith("::")], result.stdout
    assert not [char for char in ("\x1b", "\x07", "\r", "\u202e") if char in result.stdout]
    assert "\\::stop-commands::t0k\\n::add-mask::x \\x1b]0;pwned\\x07\\u202e" in result.stdout
    assert "fix: ::warning::fake\\r\\nfix" in result.stdout
