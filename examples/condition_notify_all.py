import threading
import time

cond = threading.Condition()
tickets = 0


def fan():
    global tickets
    with cond:
        cond.wait_for(lambda: tickets > 0)
        tickets -= 1
    print("a fan got in")


fans = [threading.Thread(target=fan) for _ in range(3)]
for t in fans:
    t.start()
time.sleep(0.1)

with cond:
    tickets += 2
    cond.notify()  # wakes one waiter, although there are two tickets
time.sleep(0.1)
print("after notify():", sum(t.is_alive() for t in fans), "fans still waiting")

with cond:
    cond.notify_all()  # wakes every waiter: each re-checks tickets > 0
time.sleep(0.1)
print("after notify_all():", sum(t.is_alive() for t in fans), "fan still waiting")

with cond:
    tickets += 1
    cond.notify()
for t in fans:
    t.join()
print("all fans in")
