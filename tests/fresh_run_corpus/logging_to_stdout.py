# A logger of its own with a handler on stdout; run twice, it must print once per call.
import logging
import sys
import threading

log = logging.getLogger("app")
print("app logger has handlers before set-up:", log.handlers != [])
print("app level before set-up:", logging.getLevelName(log.level))
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s %(threadName)s %(message)s"))
log.addHandler(handler)
log.setLevel(logging.DEBUG)
print("root handlers:", len(logging.getLogger().handlers))


def work():
    log.debug("working")


t = threading.Thread(target=work, name="worker")
t.start()
t.join()
log.warning("finished")
