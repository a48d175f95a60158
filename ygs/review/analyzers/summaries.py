"""Same-file helpers: a function whose parameter reaches a sink is itself a sink for request data.

Semgrep's open-source taint engine is intra-procedural: it follows request data into a call's result, but not
into a helper that holds the sink (`def find_user(name): db.execute("… '" + name + "'")` called from a view
with `request.form["name"]`). ygs closes that gap in steps, all derived from the MUST taint rules in
gates/rules (so a source, sink, sanitizer or propagator is written once):

0. With the normal scan, a cheap *presence* rule per language marks the files where request or command-line
   data enters (the rules' root sources). Only those are followed: elsewhere no call can carry such data.
1. In those files, a *summary* rule per MUST taint rule runs whose sources are the parameters of every named
   function: each hit says "parameter P of function F reaches this rule's sink (at this line)".
2. In the files with such helpers, the same MUST rule runs once more with its own sources and, as sinks, the
   argument at P's position (or P's keyword) of every call to F. A hit is reported under the MUST rule's id,
   at the call, naming the helper and the line of its sink.

One level of helpers is followed (a helper calling a helper is not). When P's position cannot be told, any
argument of the call counts.

Helpers that clean are followed too. Semgrep takes a call's result to carry the taint of every argument, so
`cmd = subst(template, mime_type)` stays tainted even when `subst` refuses an unsafe `mime_type` before
building its result. Stage 1 therefore also asks, per MUST rule, which parameters reach a `return` (under the
rule's sanitizers); an argument passed for a parameter of a same-file function that reaches neither a return
nor a sink is a sanitizer of that rule in that file. Where such a function is called in a file with a
finding or a helper of the rule, the rule (and its summary) runs once more there with those sanitizers.
"""

from __future__ import annotations

import ast
import copy
import functools
import json
import re
from dataclasses import dataclass, replace
from typing import Any

from ygs.review.languages import language_of
from ygs.review.model import RawFinding

MARK = "--ygs-"  # every rule made here has an id <MUST rule id or language><MARK><kind>
SUFFIX = MARK + "helper-summary"  # <MUST rule id><SUFFIX>[-n]: parameter P of F reaches the rule's sink
RETURNS = MARK + "helper-returns"  # <MUST rule id><RETURNS>: parameter P of F reaches a return
PRESENCE = MARK + "request-source"  # <language><PRESENCE>: request data enters here
PARAMS = MARK + "params"  # <language><PARAMS>: parameter P of function F
CALLS = MARK + "helper-calls-"  # <MUST rule id><CALLS><n>: request data passed to a helper (a finding)
CLEAN = MARK + "clean-"  # <MUST rule id><CLEAN><n>: the rule again with cleaning helpers (a finding)
_SEP = "\x1f"  # between function and parameter in a summary hit's message
_PYTHON_SOURCE = {
    "patterns": [
        {"pattern-inside": "def $F(..., $P, ...):\n  ...\n"},
        {"focus-metavariable": "$P"},
        {"metavariable-regex": {"metavariable": "$P", "regex": r"^(?!(self|cls)$)"}},
    ]
}
_JS_SOURCE = {
    "patterns": [
        {"pattern-either": [
            {"pattern-inside": "function $F(..., $P, ...) { ... }"},
            {"pattern-inside": "$F = (..., $P, ...) => { ... }"},
            {"pattern-inside": "$F = function (..., $P, ...) { ... }"},
            {"pattern-inside": "class $C { ... $F(..., $P, ...) { ... } ... }"},
        ]},
        {"focus-metavariable": "$P"},
    ]
}
PARAM_SOURCES = {"python": _PYTHON_SOURCE, "javascript": _JS_SOURCE, "typescript": _JS_SOURCE}
KEYWORD_ONLY = -1  # a parameter callers can only pass by keyword
_PY_NAME = re.compile(r"^[A-Za-z_]\w*$")
_JS_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")


@dataclass(frozen=True)
class Helper:
    """Parameter `param` of function `name` (in `path`) reaches the sink of rule `rule_id` at `sink_line` (for
    a hit of the returns or params rules: reaches a return at, or is declared on, that line)."""

    rule_id: str
    path: str
    name: str
    param: str
    sink_line: int


def summary_rules(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One summary rule per MUST taint rule of a language ygs knows the parameters of."""
    return [_from_params(rule, SUFFIX) for rule in must_taint_rules(rules) if _param_source(rule)]


def return_rules(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per MUST taint rule: which function parameters reach a `return` under the rule's sanitizers."""
    out = []
    for rule in must_taint_rules(rules):
        language = _language(rule)
        if language is None:
            continue
        sink: dict[str, Any] = {"patterns": [{"pattern": _RETURN[language]}, {"focus-metavariable": "$X"}]}
        labels = _all_labels(rule["pattern-sources"])
        if labels:
            sink["requires"] = " or ".join(labels)
        out.append({**_from_params(rule, RETURNS), "pattern-sinks": [sink]})
    return out


_RETURN = {"python": "return $X", "javascript": "return $X;", "typescript": "return $X;"}


def param_rules(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One search rule per language group hitting every parameter of every named function (message F, P)."""
    groups = {tuple(r["languages"]): _param_source(r) for r in must_taint_rules(rules) if _param_source(r)}
    return [{"id": f"{languages[0]}{PARAMS}", "languages": list(languages), "severity": "INFO",
             "message": f"$F{_SEP}$P", **copy.deepcopy(source)} for languages, source in groups.items()]


def _from_params(rule: dict[str, Any], kind: str) -> dict[str, Any]:
    """The rule with function parameters as its root sources, an internal id and the message F, P."""
    derived = {k: copy.deepcopy(v) for k, v in rule.items() if k not in ("pattern-sources", "metadata")}
    derived.update({
        "id": f"{rule['id']}{kind}",
        "severity": "INFO",
        "message": f"$F{_SEP}$P",
        "pattern-sources": _summary_sources(rule["pattern-sources"], _param_source(rule)),
    })
    return derived


def _summary_sources(sources: list[dict[str, Any]], param: dict[str, Any]) -> list[dict[str, Any]]:
    """The rule's sources with every root source (one that requires no label) replaced by the parameters,
    under the same taint labels; derived sources (`requires: …`) stay as they are."""
    roots = [{**copy.deepcopy(param), "label": label} for label in _root_labels(sources)] or [copy.deepcopy(param)]
    return roots + [copy.deepcopy(s) for s in sources if "requires" in s]


def _all_labels(sources: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(str(s["label"]) for s in sources if "label" in s))


def _root_labels(sources: list[dict[str, Any]]) -> list[str]:
    """The taint labels of the sources that require none (empty for a rule without labels)."""
    return list(dict.fromkeys(str(s["label"]) for s in sources if "requires" not in s and "label" in s))


def must_taint_rules(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rules if r.get("mode") == "taint" and not str(r.get("id", "")).endswith("-unproven")]


def _param_source(rule: dict[str, Any]) -> dict[str, Any] | None:
    language = _language(rule)
    return PARAM_SOURCES[language] if language else None


def _language(rule: dict[str, Any]) -> str | None:
    """The language whose parameters the rule's derived rules use: None when there is none, or two that
    differ (a rule for `[go, python]` uses Python's; one for `[python, javascript]` none)."""
    known = [lang for lang in rule.get("languages", []) if lang in PARAM_SOURCES]
    return known[0] if known and len({id(PARAM_SOURCES[lang]) for lang in known}) == 1 else None


def presence_rules(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cheap search rules, one per language ygs follows helpers in, hitting where request or command-line data
    enters (the root sources of the MUST taint rules): only files with such data have calls worth following."""
    groups: dict[tuple[str, ...], dict[str, dict[str, Any]]] = {}
    for rule in must_taint_rules(rules):
        if _param_source(rule) is None:
            continue
        for source in rule["pattern-sources"]:
            if "requires" not in source:
                formula = {k: v for k, v in source.items() if k not in _TAINT_ONLY_KEYS}
                groups.setdefault(tuple(rule["languages"]), {})[json.dumps(formula, sort_keys=True)] = formula
    return [
        {"id": f"{languages[0]}{PRESENCE}", "languages": list(languages), "severity": "INFO", "message": "source",
         "pattern-either": [copy.deepcopy(f) for f in formulas.values()]}
        for languages, formulas in groups.items()
    ]


_TAINT_ONLY_KEYS = frozenset({"label", "requires", "by-side-effect", "exact", "control"})


def internal(check_id: str) -> bool:
    """Whether a semgrep hit comes from one of the rules made here that never make a finding."""
    kind = _short(check_id).partition(MARK)[2]
    return bool(kind) and not kind.startswith((CALLS[len(MARK):], CLEAN[len(MARK):]))


def kind(check_id: str) -> str:
    """Which of the rules made here a hit comes from: SUFFIX, RETURNS, PARAMS, PRESENCE (or "")."""
    found = MARK + _short(check_id).partition(MARK)[2]
    return next((k for k in (SUFFIX, RETURNS, PARAMS, PRESENCE) if found.startswith(k)), "")


def _short(check_id: str) -> str:
    return check_id.rsplit(".", 1)[-1]


def follows(path: str) -> bool:
    """Whether helpers are followed in this file's language."""
    return language_of(path) in PARAM_SOURCES


def helper_from(item: dict[str, Any], path: str) -> Helper | None:
    """The helper a summary hit (semgrep JSON result) describes, or None when its function has no usable name."""
    must_id = rule_id(str(item["check_id"]))
    name, _, param = str(item.get("extra", {}).get("message", "")).partition(_SEP)
    name = name.strip().rsplit(".", 1)[-1]
    param = param.strip()
    pattern = _PY_NAME if language_of(path) == "python" else _JS_NAME
    if not (pattern.match(name) and pattern.match(param.lstrip("."))):
        return None
    return Helper(must_id, path, name, param, int(item["start"]["line"]))


def call_rules(rules: list[dict[str, Any]], helpers: list[Helper], text_of: Any,
               clean: dict[tuple[str, str], list[str]]) -> list[dict[str, Any]]:
    """For each MUST rule and file with helpers: the rule with its own sources and the calls to that file's
    helpers as sinks (a same-named function elsewhere is another function), and the file's cleaning helpers
    as sanitizers."""
    grouped: dict[tuple[str, str], list[Helper]] = {}
    for helper in helpers:
        grouped.setdefault((helper.rule_id, helper.path), []).append(helper)
    by_id = {rule["id"]: rule for rule in must_taint_rules(rules)}
    out = []
    for n, ((rule_id, path), mine) in enumerate(sorted(grouped.items())):
        rule = _cleaned(by_id[rule_id], clean.get((rule_id, path), []))
        calls = sorted({pattern for h in mine for pattern in _call_patterns(h, text_of(path))})
        sink: dict[str, Any] = {"patterns": [
            {"pattern-either": [{"pattern": pattern} for pattern in calls]},
            {"focus-metavariable": "$ARG"},
        ]}
        labels = _root_labels(rule["pattern-sources"])
        if labels:
            sink["requires"] = " or ".join(labels)  # a labelled rule's sink must say which labels it takes
        out.append({**rule, "id": f"{rule_id}{CALLS}{n}", "pattern-sinks": [sink], "paths": _only(path)})
    return out


def cleaning(rules: list[dict[str, Any]], hits: list[tuple[str, Helper]], text_of: Any) -> dict[tuple[str, str], list[str]]:
    """Per (MUST rule id, file): call patterns whose $ARG is passed for a parameter of a same-file function that
    reaches neither a return nor a sink of that rule, so the argument's taint never gets into the call's result.
    `hits` are the stage-1 hits by kind (SUFFIX, RETURNS, PARAMS). Functions defined twice in a file, and
    parameters whose position cannot be told, are left out."""
    reaching = {(h.rule_id, h.path, h.name, h.param) for k, h in hits if k in (SUFFIX, RETURNS)}
    patterns: dict[tuple[str, str, str], list[str]] = {}
    for hit_kind, h in hits:
        if hit_kind == PARAMS and (h.path, h.name, h.param) not in patterns:
            text = text_of(h.path)
            patterns[(h.path, h.name, h.param)] = _call_patterns(h, text, exact=True) if _defined_once(h, text) else []
    out: dict[tuple[str, str], set[str]] = {}
    for rule in must_taint_rules(rules):
        for (path, name, param), calls in patterns.items():
            if calls and language_of(path) in rule["languages"] and (rule["id"], path, name, param) not in reaching:
                out.setdefault((rule["id"], path), set()).update(calls)
    return {key: sorted(calls) for key, calls in out.items()}


def clean_rules(rules: list[dict[str, Any]], clean: dict[tuple[str, str], list[str]],
                summarize: set[tuple[str, str]], rescan: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """The MUST rules again, each for one file and with that file's cleaning helpers as sanitizers: the summary
    rule for the (rule, file) pairs in `summarize`, the rule itself for those in `rescan`."""
    by_id = {rule["id"]: rule for rule in must_taint_rules(rules)}
    out = []
    for n, (rule_id, path) in enumerate(sorted(summarize | rescan)):
        rule = _cleaned(by_id[rule_id], clean[(rule_id, path)])
        if (rule_id, path) in summarize:
            out.append({**_from_params(rule, f"{SUFFIX}-{n}"), "paths": _only(path)})
        if (rule_id, path) in rescan:
            out.append({**rule, "id": f"{rule_id}{CLEAN}{n}", "paths": _only(path)})
    return out


def _cleaned(rule: dict[str, Any], calls: list[str]) -> dict[str, Any]:
    """A copy of the rule with the arguments matched by `calls` ($ARG) as sanitizers."""
    rule = copy.deepcopy(rule)
    if calls:
        rule["pattern-sanitizers"] = [*rule.get("pattern-sanitizers", []), {"patterns": [
            {"pattern-either": [{"pattern": pattern} for pattern in calls]},
            {"focus-metavariable": "$ARG"},
        ]}]
    return rule


def _only(path: str) -> dict[str, list[str]]:
    return {"include": ["/" + _glob_escape(path)]}


def rule_id(check_id: str) -> str:
    """Our rule id for a semgrep check id: a rule made here reports under the MUST rule it was made from."""
    return _short(check_id).partition(MARK)[0]


def name_helpers(findings: list[RawFinding], helpers: list[Helper], text_of: Any) -> list[RawFinding]:
    """Stage-2 findings with the helper and parameter they go through named in the message."""
    out = []
    positions: dict[Helper, int | None] = {}
    for raw in findings:
        text = text_of(raw.path)
        line = _line(text.split("\n"), raw.line)
        used = [h for h in helpers if h.path == raw.path and h.rule_id == raw.rule_id
                and re.search(rf"(?<![\w$]){re.escape(h.name)}\s*\(", line)]
        for h in used:
            if h not in positions:
                positions[h] = _position(h, text)[0]
        fed = [h for h in used if _feeds(h, positions[h], line, raw.col)] or used
        if fed:
            h = min(fed, key=lambda h: h.sink_line)
            note = f"It gets there through {h.name}() (parameter `{h.param}`, sink at line {h.sink_line})."
        else:
            note = "It gets there through a helper function in this file."
        out.append(replace(raw, message=f"{raw.message} {note}"))
    return out


def _feeds(helper: Helper, position: int | None, line: str, col: int | None) -> bool:
    """Whether the call argument starting at col (1-based) on line is the one passed as helper.param, which
    sits at `position` among the arguments."""
    call = re.search(rf"(?<![\w$]){re.escape(helper.name)}\s*\(", line)
    if call is None or col is None or col - 1 < call.end():
        return False
    before = line[call.end():col - 1]
    keyword = re.search(r"(?:^|,)\s*([A-Za-z_]\w*)\s*=\s*$", before)
    if keyword:
        return keyword.group(1) == helper.param
    depth, index = 0, 0
    for char in before:
        depth += char in "([{"
        depth -= char in ")]}"
        index += char == "," and depth == 0
    return position in (index, None)


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _call_patterns(helper: Helper, text: str, exact: bool = False) -> list[str]:
    """Semgrep patterns matching the argument that feeds `helper.param` in a call to the helper, as $ARG. When
    the parameter's position cannot be told, any argument matches, or (exact) only its keyword."""
    name = helper.name
    position, method = _position(helper, text)
    calls = [name, f"$OBJ.{name}"] if method is None else ([f"$OBJ.{name}"] if method else [name])
    out = []
    for call in calls:
        if position is None:
            if not exact:
                out.append(f"{call}(..., $ARG, ...)")
        elif position != KEYWORD_ONLY:
            out.append(f"{call}({'$_, ' * position}$ARG, ...)")
    if language_of(helper.path) == "python":
        out.extend(f"{call}(..., {helper.param}=$ARG, ...)" for call in calls)
    return out


def _position(helper: Helper, text: str) -> tuple[int | None, bool | None]:
    """(the parameter's index among the arguments callers pass, whether the helper is a method)."""
    if language_of(helper.path) == "python":
        return _python_position(text, helper)
    return _js_position(text, helper), None


def _python_position(text: str, helper: Helper) -> tuple[int | None, bool | None]:
    """(positional index of the parameter as callers pass it, whether it is a method); None where unknown.

    A keyword-only parameter has the position KEYWORD_ONLY."""
    tree = _parsed(text)
    if tree is None:
        return None, None
    found = _python_def(tree, helper)
    if found is None:
        return None, None
    func, in_class = found
    args = func.args
    positional = [a.arg for a in [*args.posonlyargs, *args.args]]
    decorators = {getattr(d, "id", getattr(d, "attr", "")) for d in func.decorator_list}
    method = in_class and "staticmethod" not in decorators
    if method and positional:
        positional = positional[1:]  # self / cls: the caller does not pass it
    if helper.param in positional:
        return positional.index(helper.param), method
    if args.vararg is not None and helper.param == args.vararg.arg:
        return None, method
    return KEYWORD_ONLY, method


@functools.lru_cache(maxsize=4)
def _parsed(text: str) -> ast.Module | None:
    """A file's syntax tree, parsed once for all its helpers and parameters (None when it does not parse)."""
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError):
        return None


def _python_def(tree: ast.AST, helper: Helper) -> tuple[ast.FunctionDef | ast.AsyncFunctionDef, bool] | None:
    """The innermost def named helper.name whose body holds the sink line, and whether it sits in a class."""
    best: tuple[ast.FunctionDef | ast.AsyncFunctionDef, bool] | None = None
    stack: list[tuple[ast.AST, bool]] = [(tree, False)]
    while stack:
        node, in_class = stack.pop()
        for child in ast.iter_child_nodes(node):
            is_def = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if (is_def and child.name == helper.name
                    and child.lineno <= helper.sink_line <= (child.end_lineno or child.lineno)
                    and (best is None or child.lineno >= best[0].lineno)):
                best = (child, in_class)
            stack.append((child, isinstance(child, ast.ClassDef)))
    return best


def _defined_once(helper: Helper, text: str) -> bool:
    """Whether the file defines one function of the helper's name (so a call to the name is a call to it)."""
    if language_of(helper.path) == "python":
        tree = _parsed(text)
        if tree is None:
            return False
        return sum(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == helper.name
                   for node in ast.walk(tree)) == 1
    return len(_js_signature(helper.name).findall(text)) == 1


def _js_signature(name: str) -> re.Pattern[str]:
    name = re.escape(name)
    return re.compile(
        rf"(?:function\s*\*?\s*{name}\s*\(|(?<![\w$.]){name}\s*=\s*(?:async\s+)?(?:function\b[^(]*\(|\()"
        rf"|^\s*(?:static\s+)?(?:async\s+)?{name}\s*\()", re.MULTILINE)


def _js_position(text: str, helper: Helper) -> int | None:
    """The parameter's index in the helper's signature, read from the text; None when it cannot be told."""
    for match in _js_signature(helper.name).finditer(text):
        if text.count("\n", 0, match.start()) + 1 > helper.sink_line:
            break
        params = _js_params(text, match.end())
        if params is not None and helper.param in params:
            return params.index(helper.param)
    return None


def _js_params(text: str, start: int) -> list[str] | None:
    """Parameter names of a signature whose `(` ends just before start: `a`, `b: T = 1`, `...rest`."""
    depth, parts, current = 0, [], []
    for char in text[start:start + 2000]:
        if char in "([{<":
            depth += 1
        elif char in ")]}>":
            if depth == 0 and char == ")":
                parts.append("".join(current))
                names = [re.match(r"\s*(?:\.\.\.)?\s*([A-Za-z_$][\w$]*)", part) for part in parts if part.strip()]
                return [m.group(1) if m else "" for m in names]
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    return None


def _glob_escape(path: str) -> str:
    return re.sub(r"([*?\[\]])", r"[\1]", path)
