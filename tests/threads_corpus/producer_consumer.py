import queue
import threading

q = queue.Queue(maxsize=3)
consumed = []


def producer():
    for i in range(10):
        q.put(i)
    q.put(None)


def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        consumed.append(item * 10)


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print(consumed)
print("empty:", q.empty())
