import threading
import time

locks = {"A": threading.Lock(), "B": threading.Lock()}


def transfer(first, second, patience):
    name = threading.current_thread().name
    with locks[first]:
        print(f"{name}: holds {first}, wants {second}")
        time.sleep(0.1)  # meanwhile the other thread takes its first lock
        if not locks[second].acquire(timeout=patience):  # -1 would wait forever
            print(f"{name}: no {second} after {patience} s; giving up and releasing {first}")
            return
        try:
            print(f"{name}: holds {first} and {second}: transfer done")
        finally:
            locks[second].release()


one = threading.Thread(target=transfer, args=("A", "B", 0.5), name="one")
two = threading.Thread(target=transfer, args=("B", "A", 2), name="two")
one.start()
time.sleep(0.05)
two.start()
one.join()
two.join()
