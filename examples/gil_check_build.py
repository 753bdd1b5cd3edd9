import sys
import sysconfig

print("Python", sys.version.split()[0])
free_threaded_build = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
print("free-threaded build:", free_threaded_build)
if hasattr(sys, "_is_gil_enabled"):  # added in 3.13
    print("GIL enabled right now:", sys._is_gil_enabled())
else:
    print("GIL enabled right now: True (no free-threaded builds before 3.13)")
