"""Every example in the package's docstrings runs and gives what it shows.

Some test files run their module's examples too; this runs them all, so that a module
without such a test (``clean``, ``pipeline``, ``parallel``, ...) is not left out.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import cleaner

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(cleaner.__path__, "cleaner.")
    if not info.name.endswith(".__main__")  # importing it runs the command line
)


def test_every_module_is_found() -> None:
    assert {"cleaner.clean", "cleaner.pipeline", "cleaner.parallel"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    assert doctest.testmod(importlib.import_module(name)).failed == 0
