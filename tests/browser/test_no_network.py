"""Reader code has no network: besides sockets (page_limits.py), the worker's own
fetch, XMLHttpRequest, WebSocket and EventSource refuse other hosts (no_network.js).
The page's CSP cannot do it: a meta policy does not reach the worker."""

from __future__ import annotations

import pytest

from tests.browser.runner_session import open_runner_session

FOREIGN = "http://example.com/"
PROGRAM = f"""\
import asyncio, inspect, js
from pyodide.ffi import JsException
attempts = {{
    "fetch": lambda: js.fetch("{FOREIGN}"),
    "XMLHttpRequest": lambda: js.XMLHttpRequest.new().open("GET", "{FOREIGN}"),
    "WebSocket": lambda: js.WebSocket.new("ws://example.com/"),
    "EventSource": lambda: js.EventSource.new("{FOREIGN}"),
}}
async def try_each():  # a JS promise is awaited in a coroutine (no top-level await)
    for name, attempt in attempts.items():
        try:
            result = attempt()
            if inspect.isawaitable(result):  # a JS promise comes as a Future of the loop
                await result
            print(name, "reached the network")
        except JsException as exc:
            print(name, "refused:", exc)
asyncio.run(try_each())
from pyodide.http import open_url
try:
    open_url("{FOREIGN}")
    print("open_url reached the network")
except Exception as exc:
    print("open_url refused:", exc)
"""


@pytest.fixture(scope="module")
def session(browser, site):
    with open_runner_session(browser, site) as runner:
        yield runner


def test_reader_code_cannot_reach_another_host_from_the_worker(session):
    out = session.run(PROGRAM)
    lines = out["stdout"].splitlines()
    assert len(lines) == 5, out
    for line in lines:
        assert "refused:" in line and "network access is not available in this page" in line, line
    assert session.watched.foreign_requests() == []


def test_the_sites_own_files_still_load_from_reader_code(session):
    program = (
        "import asyncio, js\n"
        "async def main():\n"
        "    print((await js.fetch('../../runner/runtime.json')).status)\n"
        "asyncio.run(main())\n"
    )
    assert session.run(program)["stdout"] == "200\n"
