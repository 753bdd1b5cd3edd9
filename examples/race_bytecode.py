import dis
import sys

counter = 0


def increment():
    global counter
    counter += 1


ops = list(dis.get_instructions(increment))
first = next(i for i, op in enumerate(ops) if op.opname == "LOAD_GLOBAL")
last = next(i for i, op in enumerate(ops) if op.opname == "STORE_GLOBAL")

print(f"Python {sys.version_info.major}.{sys.version_info.minor}: counter += 1 is")
for op in ops[first : last + 1]:
    print(f"    {op.opname:<14} {op.argrepr}".rstrip())
print(f"{last - first + 1} instructions from the read (LOAD) to the write (STORE)")
