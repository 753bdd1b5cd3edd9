import threading

caught = []
threading.excepthook = lambda args: caught.append((args.thread.name, type(args.exc_value).__name__))


def fail():
    raise KeyError("missing")


t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
print(caught)
