import threading

cond = threading.Condition()
items = []


def consumer(n):
    with cond:
        cond.wait_for(lambda: len(items) > n)
        print(f"consumer {n} sees {items[n]}")


threads = [threading.Thread(target=consumer, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for value in ["a", "b", "c"]:
    with cond:
        items.append(value)
        cond.notify_all()
    threads[len(items) - 1].join()
print("done")
