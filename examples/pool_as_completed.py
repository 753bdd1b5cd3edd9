import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def fetch(url, seconds):
    time.sleep(seconds)  # stands for waiting on the network
    if url.endswith("/missing"):
        raise LookupError(f"404 for {url}")
    return f"{url} ({seconds} s)"


urls = {"https://a.example/": 0.6, "https://b.example/missing": 0.2, "https://c.example/": 0.4}

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(fetch, url, seconds) for url, seconds in urls.items()]
    for future in as_completed(futures):  # in the order they finish
        try:
            print("done:", future.result())  # re-raises the task's exception here
        except LookupError as exc:
            print("failed:", exc)
print("all futures finished:", all(f.done() for f in futures))
