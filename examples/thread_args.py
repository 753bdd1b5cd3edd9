import threading

results = {}


def download(url, retries, timeout=10, verbose=False):
    results[url] = f"retries={retries} timeout={timeout} verbose={verbose}"


t1 = threading.Thread(target=download, args=("a.example", 3))
t2 = threading.Thread(
    target=download, args=("b.example",), kwargs={"retries": 1, "timeout": 2, "verbose": True}
)
for t in (t1, t2):
    t.start()
for t in (t1, t2):
    t.join()
for url in sorted(results):
    print(url, "->", results[url])
