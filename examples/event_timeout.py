import threading

done = threading.Event()

print("wait(timeout=0.2) before set ->", done.wait(timeout=0.2))  # False: timed out

threading.Timer(0.1, done.set).start()  # another thread sets it 0.1 s from now
print("wait(timeout=2) when set in time ->", done.wait(timeout=2))  # True, after ~0.1 s

print("wait() on a set event returns at once ->", done.wait(timeout=0))
done.clear()  # back to unset: later wait() calls block again
print("after clear(): is_set() ->", done.is_set())
