import threading


class Connection(threading.local):
    def __init__(self, url):  # runs again, with the same arguments, in every thread
        self.url = url
        self.queries = 0
        print(f"__init__ ran in {threading.current_thread().name}")


conn = Connection("db://example")  # __init__ runs here, in MainThread


def run_queries(n):
    for _ in range(n):
        conn.queries += 1  # each thread counts on its own copy: no lock needed
    print(f"{threading.current_thread().name}: {conn.queries} queries on {conn.url}")


for name, n in [("worker-1", 3), ("worker-2", 5)]:
    t = threading.Thread(target=run_queries, args=(n,), name=name)
    t.start()
    t.join()  # one at a time, so the output order is fixed
print("MainThread:", conn.queries, "queries")
