import threading

lock = threading.Lock()
rlock = threading.RLock()
lock.acquire()
rlock.acquire()


def release_both():
    lock.release()  # a Lock has no owner: any thread may release it
    print("Lock released by another thread: fine")
    try:
        rlock.release()  # an RLock belongs to the thread that acquired it
    except RuntimeError as exc:
        print("RLock released by another thread -> RuntimeError:", exc)


t = threading.Thread(target=release_both)
t.start()
t.join()
rlock.release()  # the owner releases it
print("Lock locked:", lock.locked())
