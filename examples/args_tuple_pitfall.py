import threading


def report(exc_info):  # called for an exception nobody caught inside a thread
    print(f"{exc_info.thread.name} failed: {exc_info.exc_type.__name__}: {exc_info.exc_value}")


threading.excepthook = report


def process(filename):
    print(f"{threading.current_thread().name} processing {filename}")


print('("report.txt") is a', type(("report.txt")).__name__)
print('("report.txt",) is a', type(("report.txt",)).__name__)

bad = threading.Thread(target=process, args=("report.txt"), name="bad")
bad.start()
bad.join()

good = threading.Thread(target=process, args=("report.txt",), name="good")
good.start()
good.join()
print("main thread carries on")
