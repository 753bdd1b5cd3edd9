import threading

data = threading.local()
results = {}


def work(n):
    data.value = n * n
    for _ in range(1000):
        pass
    results[n] = data.value


threads = [threading.Thread(target=work, args=(n,)) for n in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print("main has value:", hasattr(data, "value"))
