# Warning filters a run sets are gone at the next run.
import threading
import warnings

try:
    with warnings.catch_warnings(record=True) as caught:
        warnings.warn("first warning", UserWarning, stacklevel=1)
    print("warning recorded, not raised:", [str(w.message) for w in caught])
except UserWarning:
    print("raised: a filter leaked from an earlier run")

print("filters start with 'error':", bool(warnings.filters) and warnings.filters[0][0] == "error")
warnings.simplefilter("error")
try:
    warnings.warn("now an error", UserWarning, stacklevel=1)
except UserWarning as exc:
    print("raised:", exc)
threading.Thread(target=print, args=("thread sees the same",)).start()
