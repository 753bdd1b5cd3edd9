import threading

rlock = threading.RLock()


def other_thread_tries():
    def attempt():
        got = rlock.acquire(timeout=0.1)
        print("other thread: acquire(timeout=0.1) ->", got)
        if got:
            rlock.release()

    t = threading.Thread(target=attempt)
    t.start()
    t.join()


def visit(depth):
    with rlock:  # each level acquires once more; each return releases once
        print(f"depth {depth}: acquired")
        if depth < 3:
            visit(depth + 1)
        else:
            other_thread_tries()  # main still holds the RLock 3 times


visit(1)
print("recursion done: all 3 acquisitions released")
other_thread_tries()
