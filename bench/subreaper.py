"""Runs a command and prints the CPU time and peak memory of every process it started, to stderr:
`__tree__ <user s> <system s> <max rss KB>`, then exits with the command's status.

GNU time counts only the processes that its child waited for. Chromium's renderer, GPU and utility
processes outlive the browser process that started them: they are handed to init, and their CPU
never reaches the command's rusage. This process makes itself a child subreaper
(prctl PR_SET_CHILD_SUBREAPER, Linux 3.4+), so that every orphaned descendant is handed to it
instead, and waits for all of them before it reads its children's rusage: its own CPU (Python's
start-up) is not counted.
"""
import ctypes
import os
import resource
import sys

PR_SET_CHILD_SUBREAPER = 36
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
    sys.exit(f"subreaper.py: prctl(PR_SET_CHILD_SUBREAPER) failed: {os.strerror(ctypes.get_errno())}")
child = os.fork()
if child == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
status = 0
while True:
    try:
        pid, wait_status = os.wait()
    except ChildProcessError:
        break
    if pid == child:
        status = os.waitstatus_to_exitcode(wait_status)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"__tree__ {usage.ru_utime:.6f} {usage.ru_stime:.6f} {usage.ru_maxrss}", file=sys.stderr)
sys.exit(status if status >= 0 else 128 - status)
