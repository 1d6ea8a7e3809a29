"""The HTML report in a real headless browser (Debian's chromium): what renders, and that no
script from scraped text runs.

Skipped when chromium is absent, except under CI (env ``CI`` set), where that is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from report_fixture import PageParser, load_fixture, parse_page

from cleaner.report import build_report, render_html
from cleaner.report.assets import content_security_policy

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def _chromium() -> str:
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if found:
        return found
    reason = "chromium is not installed (apt-get install chromium): browser tests need it"
    if os.environ.get("CI"):
        pytest.fail(reason + "; CI is set, so this is a failure")
    pytest.skip(reason)


def test_missing_chromium_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(Path, "exists", lambda self: False)
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        _chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        _chromium()


def run_chromium(tmp: Path, page: Path, *args: str) -> str:
    """Open ``page`` in headless chromium with ``args``; return its stdout."""
    proc = subprocess.run(
        [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp / 'profile'}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def dump_dom(tmp: Path, html: str, name: str = "page.html") -> PageParser:
    """The DOM after the page loaded (and any script it was allowed to run ran)."""
    path = tmp / name
    path.write_text(html, encoding="utf-8")
    dom = run_chromium(tmp, path, "--dump-dom")
    assert "<body" in dom
    return parse_page(dom)


@pytest.fixture(scope="module")
def fixture_inputs() -> tuple:
    return load_fixture()


@pytest.fixture(scope="module")
def report(fixture_inputs: tuple) -> dict:
    return build_report(*fixture_inputs)


@pytest.fixture(scope="module")
def page_html(fixture_inputs: tuple, report: dict) -> str:
    return render_html(report, {doc.id: doc.text for doc in fixture_inputs[0]})


@pytest.fixture(scope="module")
def dom(tmp_path_factory: pytest.TempPathFactory, page_html: str) -> PageParser:
    return dump_dom(tmp_path_factory.mktemp("browser"), page_html)


def test_control_scripts_run_without_the_policy(tmp_path: Path) -> None:
    """The browser does run inline scripts, so their absence below means something."""
    html = (
        "<!DOCTYPE html><html><head><title>Story report</title></head><body>"
        "<script>document.title='PWNED';"
        "document.body.appendChild(document.createElement('pwned'))</script></body></html>"
    )
    parsed = dump_dom(tmp_path, html)
    assert parsed.title == "PWNED" and any(tag == "pwned" for tag, _ in parsed.tags)


def test_policy_blocks_a_script_that_got_through(tmp_path: Path) -> None:
    """Even an unescaped script in the page would not run under the report's policy."""
    html = (
        "<!DOCTYPE html><html><head>"
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">'
        "<title>Story report</title></head><body>"
        "<script>document.title='PWNED';"
        "document.body.appendChild(document.createElement('pwned'))</script>"
        '<img src="x" onerror="document.title=\'PWNED\'"></body></html>'
    )
    parsed = dump_dom(tmp_path, html)
    assert parsed.title == "Story report"
    assert not any(tag == "pwned" for tag, _ in parsed.tags)


def test_no_hostile_script_ran(dom: PageParser) -> None:
    assert dom.title == "Story report"
    tags = {tag for tag, _ in dom.tags}
    assert not tags & {"pwned", "script", "img", "iframe", "object", "embed"}
    for _, attrs in dom.tags:
        assert not any(name.startswith("on") for name in attrs)


def test_story_labels_and_member_titles_render(dom: PageParser, report: dict) -> None:
    text = "".join(dom.text)
    for cluster in report["clusters"]:
        assert cluster["label"] in text
    for doc in report["documents"]:
        assert (doc["title"] or doc["id"]) in text
    assert "</style><script>document.title='PWNED'</script> label" in text


def test_highlights_render(dom: PageParser, page_html: str) -> None:
    marks = [a for tag, a in dom.tags if tag == "mark"]
    assert len(marks) == page_html.count("<mark") == 13
    assert all(a.get("class", "").startswith("c") for a in marks)


def test_links_resolve_to_existing_ids(dom: PageParser, report: dict) -> None:
    ids = dom.ids()
    assert len(ids) == len(set(ids))
    hrefs = [a["href"] or "" for tag, a in dom.tags if tag == "a" and "href" in a]
    internal = [h[1:] for h in hrefs if h.startswith("#")]
    assert internal and set(internal) <= set(ids)
    occurrences = sum(len(p["occurrences"]) for p in report["passages"])
    assert len({i for i in internal if i.startswith("o")}) == occurrences


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_screenshot(tmp_path: Path, page_html: str) -> None:
    page = tmp_path / "report.html"
    page.write_text(page_html, encoding="utf-8")
    shot = Path(os.environ.get("REPORT_SCREENSHOT", tmp_path / "report.png"))
    run_chromium(tmp_path, page, "--window-size=1400,1800", f"--screenshot={shot}")
    assert _png_size(shot) == (1400, 1800)
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few hundred bytes


HOSTILE_BODY = (
    "Council approves the harbour bridge after a long debate on Monday evening in the town hall."
    "\n\nThe vote <script>document.title='PWNED'</script> passed by nine votes to four, and work"
    " starts in spring <img src=x onerror=\"document.title='PWNED'\"> the mayor said.\n\n"
    "Read the [full plan](javascript:document.title='PWNED') or "
    "<a href=\"javascript:document.title='PWNED'\">the minutes</a> before the next meeting."
)


def test_scraped_scripts_never_run_end_to_end(tmp_path: Path) -> None:
    """Hostile documents through the real pipeline (cleaner cluster) to the HTML report."""
    from typer.testing import CliRunner

    from cleaner.cli import app

    records = [
        {"id": "<script>document.title='PWNED'</script>", "text": "Bridge vote\n\n" + HOSTILE_BODY},
        {"id": "javascript:document.title='PWNED'", "text": "Bridge vote\n\n" + HOSTILE_BODY},
        {
            "id": '"><img src=x onerror=alert(1)>',
            "html": f"<html><body><p>{HOSTILE_BODY}</p></body></html>",
        },
    ]
    inputs = tmp_path / "hostile.jsonl"
    inputs.write_text("".join(json.dumps(r) + "\n" for r in records))
    html, markdown = tmp_path / "r.html", tmp_path / "r.md"
    result = CliRunner().invoke(
        app, ["cluster", str(inputs), "--html", str(html), "--markdown", str(markdown), "-q"]
    )
    assert result.exit_code == 0, result.stderr
    page = html.read_text()
    assert "PWNED" in page  # the hostile text is in the report, as text
    assert content_security_policy() in page
    dom = dump_dom(tmp_path, page)
    assert dom.title == "Story report"
    assert not {tag for tag, _ in dom.tags} & {"pwned", "script", "img", "iframe", "object"}
    for _, attrs in dom.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert not (attrs.get("href") or "").strip().lower().startswith("javascript:")
    text = markdown.read_text()
    assert "PWNED" in text
    assert not re.search(r"(?<!\\)<", text)  # every < of scraped text escaped: no raw HTML
    assert not re.search(r"(?<!\\)\]\(javascript:", text)  # nor a link
