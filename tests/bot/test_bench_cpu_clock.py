"""The long-conversation bench reads a server's CPU per turn; a turn costs about 10 ms, so the clock must be
finer than /proc/<pid>/stat's 10 ms ticks or a 20-turn mean is mostly rounding."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from bench.long import GroupCpu

# The child burns CPU in two threads, one of which ends before the second read (its time must still count),
# then reports the CPU it used, by its own process clock.
CHILD = r"""
import sys, threading, time
def burn(seconds):
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass
sys.stdin.readline()
start = time.process_time()
worker = threading.Thread(target=burn, args=(0.013,))
worker.start()
burn(0.021)
worker.join()
print(time.process_time() - start, flush=True)
sys.stdin.readline()
"""


def test_a_groups_cpu_is_read_to_the_millisecond_across_its_threads():
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, start_new_session=True)
    try:
        time.sleep(0.3)  # past the interpreter's start-up, which is not part of the measured work
        cpu = GroupCpu(child.pid)
        if not cpu.precise:
            pytest.skip("this kernel keeps no per-thread schedstat; the bench falls back to clock ticks")
        before = cpu.seconds()
        child.stdin.write("go\n")
        child.stdin.flush()
        used = float(child.stdout.readline())
        after = cpu.seconds()
        # The child's own count covers its two threads' burning (34 ms); ticks would be off by up to 10 ms.
        assert used >= 0.030
        assert abs((after - before) - used) < 0.003, (after - before, used)
    finally:
        child.stdin.write("end\n")
        child.stdin.flush()
        child.wait(timeout=10)
