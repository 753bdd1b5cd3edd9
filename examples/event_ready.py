import threading
import time

ready = threading.Event()
config = {}
seen = []


def load_config():
    time.sleep(0.5)  # pretend to read a file
    config["db"] = "postgres://localhost"
    print("loader: config loaded, setting the event")
    ready.set()  # wakes every thread blocked in ready.wait()


def handle_requests(name):
    ready.wait()  # blocks until the event is set
    seen.append(f"{name} used {config['db']}")


handlers = [threading.Thread(target=handle_requests, args=(f"handler-{i}",)) for i in (1, 2, 3)]
for t in handlers:
    t.start()
print("main: 3 handlers waiting; ready.is_set() =", ready.is_set())
threading.Thread(target=load_config).start()
for t in handlers:
    t.join()
print("\n".join(sorted(seen)))
