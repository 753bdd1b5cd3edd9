import threading

seen = []
all_started = threading.Barrier(3)


def record():
    me = threading.current_thread()
    seen.append((me.ident == threading.get_ident(), me.native_id == threading.get_native_id()))
    all_started.wait()  # all three alive at once, so their idents must differ


threads = [threading.Thread(target=record) for _ in range(3)]
for t in threads:
    t.start()
idents = {t.ident for t in threads}
for t in threads:
    t.join()
print(seen)
print("distinct idents:", len(idents) == 3)
