# Whatever a run changes in the interpreter is gone at the next run.
import builtins
import os
import sys
import threading

print("leftover builtin:", hasattr(builtins, "leftover"))
print("leftover environment variable:", "LEFTOVER" in os.environ)
print("recursion limit at least 1000:", sys.getrecursionlimit() >= 1000)
print("excepthook is the default:", sys.excepthook is sys.__excepthook__)
print("threading.excepthook is the default:", threading.excepthook is threading.__excepthook__)
print("sys.path has no leftover:", "/leftover" not in sys.path)
builtins.leftover = 1
os.environ["LEFTOVER"] = "1"
sys.setrecursionlimit(500)
sys.excepthook = lambda *args: None
threading.excepthook = lambda args: None
sys.path.append("/leftover")
print("changed")
