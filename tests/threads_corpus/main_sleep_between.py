import threading
import time

log = []


def ticker():
    for i in range(3):
        log.append(f"tick {i}")
        time.sleep(0.1)


t = threading.Thread(target=ticker)
t.start()
time.sleep(0.15)
log.append("main in the middle")
t.join()
print("\n".join(log))
