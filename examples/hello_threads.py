import threading
import time


def greet(name):
    time.sleep(0.1)  # pretend to wait for the network
    print(f"{threading.current_thread().name}: hello, {name}")


print("running in:", threading.current_thread().name)
worker = threading.Thread(target=greet, args=("world",), name="greeter")
worker.start()
print("threads alive now:", threading.active_count())
worker.join()
print("threads alive after join:", threading.active_count())
