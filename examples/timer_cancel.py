import threading
import time


def remind(what):
    print(f"reminder: {what}")


autosave = threading.Timer(0.5, remind, args=("unsaved changes",))
autosave.start()  # a Timer is a Thread that waits, then calls the function once
time.sleep(0.1)
print("main: user saved; cancelling the reminder")
autosave.cancel()  # works only while the Timer is still waiting
autosave.join()
print("main: cancelled timer alive?", autosave.is_alive())

tea = threading.Timer(0.2, remind, args=("tea is ready",))
tea.start()
tea.join()
print("main: done")
