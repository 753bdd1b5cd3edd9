# The logging pattern of most threading tutorials: the thread's name in every record.
import logging
import threading

logging.basicConfig(format="%(threadName)s: %(message)s", level=logging.INFO, force=False)
handler = logging.getLogger().handlers[0]
print("handlers:", len(logging.getLogger().handlers))
print("handler lock is threading's:", isinstance(handler.lock, type(threading.RLock())))


def work(n):
    logging.info("step %d", n)


for i in range(3):
    t = threading.Thread(target=work, args=(i,), name=f"worker-{i}")
    t.start()
    t.join()
logging.info("done")
handler.flush()
