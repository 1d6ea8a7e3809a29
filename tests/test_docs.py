"""The documentation keeps up with the code: command help, README, CI command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from cleaner.clean import clean_text
from cleaner.cli import app

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def section(title: str) -> str:
    """The README text under ``## title``, up to the next second-level heading."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def test_there_are_commands() -> None:
    assert {"clean", "cluster"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(name: str) -> None:
    help_text = COMMANDS[name].help or ""
    assert help_text.strip(), f"`cleaner {name}` has no help text"
    assert "Example" in help_text, f"`cleaner {name} --help` shows no example"
    assert f"cleaner {name} " in help_text, f"the example does not run `cleaner {name}`"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_appears_in_the_readme(name: str) -> None:
    assert f"cleaner {name}" in README


def test_every_clean_option_is_documented() -> None:
    text = section("Cleaning")
    for param in COMMANDS["clean"].params:
        for option in param.opts:
            if option.startswith("-"):
                assert f"`{option}" in text, f"README's Cleaning section misses {option}"


def test_readme_lists_exactly_the_jsonl_fields() -> None:
    fields = re.findall(r"^\| `(\w+)` \|", section("Cleaning"), re.M)
    assert fields == list(clean_text("Title\n\nBody.").to_record("x"))


def test_readme_test_command_is_the_ci_command() -> None:
    setup = [line for line in README.splitlines() if line.startswith("python3 -m venv")]
    assert len(setup) >= 2, "README should open with two set-up commands"
    ci = [
        line
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line.startswith("python3 -m venv")
    ]
    assert ci == [setup[1]]
