"""The example manifest: settings, and errors that name the file and line."""

from __future__ import annotations

import pytest

from sitebuild.examples import ExampleError, discover
from tests.unit.helpers import make_examples


def test_defaults_and_settings(tmp_path):
    examples = make_examples(
        tmp_path,
        {"plain": "print(1)\n", "race": "import threading\n"},
        '[race]\nruns = 20\ntitle = "A race"\n',
    )
    found = discover(examples)
    assert found["plain"].runs == 1 and found["plain"].deterministic
    assert not found["plain"].uses_threads
    assert found["race"].runs == 20 and not found["race"].deterministic
    assert found["race"].uses_threads and found["race"].title == "A race"


def test_unknown_key_names_file_and_line(tmp_path):
    examples = make_examples(tmp_path, {"a": "", "b": ""}, "[a]\nruns = 2\n\n[b]\nrnus = 3\n")
    with pytest.raises(
        ExampleError, match=r"examples\.toml:4: \[b\] has unknown key\(s\) \['rnus'\]"
    ):
        discover(examples)


def test_wrong_type_is_rejected(tmp_path):
    examples = make_examples(tmp_path, {"a": ""}, '[a]\nexit_code = "one"\n')
    with pytest.raises(ExampleError, match=r"examples\.toml:1: \[a\] exit_code has the wrong type"):
        discover(examples)


def test_toml_syntax_error_names_line(tmp_path):
    examples = make_examples(tmp_path, {"a": ""}, "[a]\nruns = \n")
    with pytest.raises(ExampleError, match=r"examples\.toml: .*line 2"):
        discover(examples)


def test_settings_for_a_missing_example(tmp_path):
    examples = make_examples(tmp_path, {"a": ""}, "[a]\n[ghost]\nruns = 2\n")
    with pytest.raises(ExampleError, match=r"examples\.toml:2: settings for missing example"):
        discover(examples)


def test_syntax_error_in_example_names_file_and_line(tmp_path):
    examples = make_examples(tmp_path, {"bad": "x = 1\ndef (:\n"})
    with pytest.raises(ExampleError, match=r"bad\.py:2: syntax error"):
        discover(examples)


def test_live_check_defaults_and_validation(tmp_path):
    examples = make_examples(
        tmp_path,
        {"a": "", "b": "", "c": ""},
        '[b]\nruns = 3\n\n[c]\nlive = "none"\nlive_note = "no processes in a browser"\n',
    )
    found = discover(examples)
    assert [found[n].live_check for n in "abc"] == ["exact", "shape", "none"]


def test_live_none_needs_a_reason(tmp_path):
    examples = make_examples(tmp_path, {"a": ""}, '[a]\nlive = "none"\n')
    with pytest.raises(
        ExampleError, match=r"examples\.toml:1: \[a\] live = \"none\" needs a live_note"
    ):
        discover(examples)
