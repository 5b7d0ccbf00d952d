#!/usr/bin/env python3
"""_runstat.py STATS.json CMD [ARGS…]: runs CMD (stdout and stderr passed through) and writes its wall
time, user and system CPU, peak RSS, and the cores it kept busy in each second of the run to STATS.json.

CPU per second is read from /proc/PID/stat of the process and its threads (children are counted at the
end, through wait4), so "both cores busy from the first second to the last" can be checked, not guessed.
"""
import json
import os
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime of the whole process
    except (OSError, IndexError, ValueError):
        return None


def main() -> int:
    out, cmd = sys.argv[1], sys.argv[2:]
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    samples, last_ticks, last_t = [], 0, start
    while True:
        try:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        except ChildProcessError:
            break
        if pid:
            break
        time.sleep(0.25)
        now = time.monotonic()
        if now - last_t >= 1.0:
            ticks = cpu_ticks(proc.pid)
            if ticks is not None:
                samples.append(round((ticks - last_ticks) / TICK / (now - last_t), 2))
                last_ticks, last_t = ticks, now
    wall = time.monotonic() - start
    with open(out, "w") as f:
        json.dump({"wall": wall, "user": usage.ru_utime, "sys": usage.ru_stime, "maxrss_kb": usage.ru_maxrss,
                   "cores_per_second": samples, "status": os.waitstatus_to_exitcode(status)}, f)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
