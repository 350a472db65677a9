"""Every `etl` subcommand's --help says what it does and shows how to call it."""
from __future__ import annotations

import argparse

import pytest

from etl.cli import _parser


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_help_has_a_description_and_an_example(name):
    parser = subcommands()[name]
    text = parser.format_help()
    assert parser.description and len(parser.description) > 40, name
    examples = [line.strip() for line in parser.epilog.splitlines() if line.startswith("  ")]
    assert examples and all(e.startswith(f"etl {name}") for e in examples), examples
    assert examples[0] in text  # kept on its own line, not reflowed
    undocumented = [a.dest for a in parser._actions if not a.help]
    assert undocumented == [], undocumented
