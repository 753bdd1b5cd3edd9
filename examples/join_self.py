import threading


def worker():
    try:
        threading.current_thread().join()  # wait for myself to finish?
    except RuntimeError as exc:
        print("join() on the current thread:", exc)


t = threading.Thread(target=worker)
try:
    t.join()
except RuntimeError as exc:
    print("join() before start():", exc)
t.start()
t.join()
