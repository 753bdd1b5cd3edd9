import threading
from concurrent.futures import ThreadPoolExecutor


def square(n):
    return n * n


# With bare threads, a thread cannot return a value: store it somewhere shared.
results = [None] * 4


def store_square(i):
    results[i] = square(i)  # each thread writes its own slot


threads = [threading.Thread(target=store_square, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("threads + list:    ", results)

# A thread pool hands the return values back, in input order.
with ThreadPoolExecutor(max_workers=4) as pool:
    print("ThreadPoolExecutor:", list(pool.map(square, range(4))))
