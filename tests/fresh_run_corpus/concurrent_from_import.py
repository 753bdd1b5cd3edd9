# `from concurrent import futures` must give a working module on every run.
from concurrent import futures

with futures.ThreadPoolExecutor(max_workers=2) as pool:
    results = list(pool.map(lambda x: x * x, range(5)))
print(results)
with futures.ThreadPoolExecutor() as pool:
    done = futures.wait([pool.submit(pow, 2, n) for n in range(4)])
print(sorted(f.result() for f in done.done))
