import threading

gate = threading.Event()


def parked():
    gate.wait()


threads = [threading.Thread(target=parked, name=f"worker-{i}") for i in range(3)]
for t in threads:
    t.start()
print(sorted(t.name for t in threading.enumerate()))
print("active:", threading.active_count())
print("main:", threading.main_thread().name, threading.current_thread() is threading.main_thread())
gate.set()
for t in threads:
    t.join()
print("active after:", threading.active_count())
