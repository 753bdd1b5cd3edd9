import threading
import time

seen = {}


def worker():
    me = threading.current_thread()
    seen[me.name] = (me.ident == threading.get_ident(), me.native_id == threading.get_native_id())
    time.sleep(0.1)


threads = [threading.Thread(target=worker, name=f"downloader-{i}") for i in (1, 2)]
threads.append(threading.Thread(target=worker))  # no name given
for t in threads:
    t.start()
print("running:", sorted(t.name for t in threading.enumerate()))
print("in main:", threading.current_thread() is threading.main_thread())
for t in threads:
    t.join()
for t in threads:
    ident_ok, native_ok = seen[t.name]
    print(f"{t.name}: ident == get_ident(): {ident_ok}; native_id == get_native_id(): {native_ok}")
print("after join:", [t.name for t in threading.enumerate()])
