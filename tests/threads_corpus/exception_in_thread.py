import threading


def broken():
    raise ValueError("boom")


t = threading.Thread(target=broken, name="breaker")
t.start()
t.join()
print("main continues; alive:", t.is_alive())
