import time
from concurrent.futures import ThreadPoolExecutor


def square(n):
    time.sleep(n / 5)  # bigger inputs take longer
    print(f"  finished {n}")
    return n * n


with ThreadPoolExecutor(max_workers=3) as pool:
    results = pool.map(square, [3, 1, 2])
    print("map() returned at once; results come in input order:")
    print(list(results))
