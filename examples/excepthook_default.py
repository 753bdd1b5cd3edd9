import sys
import threading


def crash():
    raise ValueError("bad input")


def leave():
    sys.exit(3)  # SystemExit in a thread ends only that thread


for target in (crash, leave):
    t = threading.Thread(target=target, name=target.__name__)
    t.start()
    t.join()  # returns once the thread has terminated, however it ended
    print(f"main: {t.name} ended; main carries on")


def one_line(args):
    print(f"hook: {args.exc_type.__name__} in {args.thread.name}: {args.exc_value}")


threading.excepthook = one_line
t = threading.Thread(target=crash, name="crash-again")
t.start()
t.join()
print("main: exit code stays 0")
