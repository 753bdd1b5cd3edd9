import threading

data = threading.local()
data.user = "main-user"  # set in the main thread only

results = {}


def handle(user):
    had_attr = hasattr(data, "user")  # this thread's copy starts empty
    data.user = user  # visible only in this thread
    results[user] = (had_attr, data.user)


threads = [threading.Thread(target=handle, args=(name,)) for name in ("alice", "bob")]
for t in threads:
    t.start()
for t in threads:
    t.join()

for user, (had_attr, seen) in sorted(results.items()):
    print(f"{user}: had 'user' before setting it: {had_attr}; saw {seen!r}")
print("main still sees:", data.user)
