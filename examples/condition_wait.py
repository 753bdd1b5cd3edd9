import threading
import time

orders = []  # shared state, guarded by the condition's lock
cond = threading.Condition()


def cook():
    with cond:
        while not orders:  # wait() may return with nothing for us: check again
            cond.wait()
        order = orders.pop(0)
    print(f"cook: making {order}")


def waiter():
    with cond:
        cond.wait_for(lambda: orders)  # the same loop, written for you
        order = orders.pop(0)
    print(f"waiter: serving {order}")


threads = [threading.Thread(target=cook), threading.Thread(target=waiter)]
for t in threads:
    t.start()
    time.sleep(0.2)  # the cook starts waiting first
for order in ("soup", "salad"):
    with cond:  # change the state and notify while holding the lock
        orders.append(order)
        cond.notify()  # wakes one waiting thread
    time.sleep(0.2)
for t in threads:
    t.join()
