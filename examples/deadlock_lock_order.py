import threading
import time

locks = {"A": threading.Lock(), "B": threading.Lock()}


def transfer(source, target):
    name = threading.current_thread().name
    first, second = sorted([source, target])  # one global order: A before B
    with locks[first]:
        time.sleep(0.1)
        with locks[second]:
            print(f"{name}: moved money from {source} to {target}")


one = threading.Thread(target=transfer, args=("A", "B"), name="one")
two = threading.Thread(target=transfer, args=("B", "A"), name="two")
one.start()
time.sleep(0.05)
two.start()
one.join()
two.join()
print("no deadlock: both threads took A first")
