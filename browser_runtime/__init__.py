"""Python that runs inside Pyodide, in the page's Web Worker.

The build packs this package into ``assets/runner/browser_runtime.zip``; the worker
unpacks it into Pyodide's file system and calls ``browser_runtime.execute.run``.
Pure Python, so CPython imports it too (the unit tests do).
"""
