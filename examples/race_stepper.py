import threading

counter = 0


def work():
    global counter
    for _ in range(2):
        counter += 1


a = threading.Thread(target=work, name="A")
b = threading.Thread(target=work, name="B")
a.start()
b.start()
a.join()
b.join()
print(f"expected 4, got {counter}")
