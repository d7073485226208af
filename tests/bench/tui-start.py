#!/usr/bin/env python3
"""Benchmark (DESIGN section 8: the TUI ready for keys in under 100 ms).

On the 1,000,000-entry benchmark database, times `bianmin --db DB --date D`
from its start in a pseudo-terminal (80x24) until the home screen's last
line is out: the frame is flushed in one refresh, after which the program
waits for a key.  The same harness times the sqlite3 CLI computing the
home screen's figures (the day's, the month's and the year's entries per
window, and the open 承诺件) on the same file, and the ratio is printed.

Usage: tui-start.py BIANMIN GEN_BENCH WORKDIR [RUNS]
The database is WORKDIR/bench-1000000.db, shared with report-export.sh and
generated the same way when missing.  Prints TAP; the measurements go to
the diagnostics.
"""
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import time

bianmin, gen, work = sys.argv[1:4]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 20
db = os.path.join(work, "bench-1000000.db")
# A working day of the year report-export.sh reports on.
day = "2013-06-14"
env = dict(os.environ, LC_ALL="C.UTF-8", TZ="Asia/Shanghai", TERM="xterm",
           LINES="24", COLUMNS="80")
# The key bar's last word on the home screen.
READY = "退出".encode()


def tui_once():
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(bianmin, [bianmin, "--db", db, "--date", day], env)
    seen = b""
    try:
        while READY not in seen:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise TimeoutError("no home screen within 10 s")
            seen += os.read(fd, 65536)
        elapsed = time.monotonic() - start
        os.write(fd, b"q")
        # Drain until the program closes its side.
        while True:
            ready, _, _ = select.select([fd], [], [], 5)
            if not ready:
                break
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    if status != 0:
        raise RuntimeError(f"bianmin exited with {status}")
    return elapsed


def peak_kib():
    """One run under /usr/bin/time: home, the tally, a search, quit."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve("/usr/bin/time", ["/usr/bin/time", "-f", "maxrss=%M", bianmin, "--db", db,
                                    "--date", day], env)
    seen = b""

    def until(text):
        nonlocal seen
        while text.encode() not in seen:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise TimeoutError(f"no {text} within 10 s")
            seen += os.read(fd, 65536)

    until("退出")
    os.write(fd, b"T")
    until("今日统计")
    os.write(fd, b"\x1bS")
    until("查询:")
    os.write(fd, day.encode() + b"\r")
    until("找到")
    os.write(fd, b"\x1b\x1b\x1bq")
    until("maxrss=")
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.waitpid(pid, 0)
    os.close(fd)
    return int(seen.split(b"maxrss=")[1].split()[0])


def month_bounds(d):
    y, m = int(d[:4]), int(d[5:7])
    last = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"


mfrom, mto = month_bounds(day)
yfrom, yto = day[:4] + "-01-01", day[:4] + "-12-31"
per_window = """SELECT m.window_id, count(*) FROM txn t JOIN matter m ON m.id = t.matter_id
 WHERE t.occurred_on BETWEEN '{0}' AND '{1}' AND t.voided_at IS NULL GROUP BY m.window_id;"""
home_sql = (per_window.format(day, day) + per_window.format(mfrom, mto) +
            per_window.format(yfrom, yto) +
            "SELECT count(*) FROM txn WHERE status = '受理' AND voided_at IS NULL;")


def sqlite_once():
    start = time.monotonic()
    subprocess.run(["sqlite3", db, home_sql], check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def median_ms(fn):
    for _ in range(3):
        fn()
    return statistics.median(fn() for _ in range(runs)) * 1000


print("1..3")
if not shutil.which("sqlite3"):
    print("Bail out! the sqlite3 CLI is needed")
    sys.exit(1)
if not os.path.exists(db) or os.path.getsize(db) == 0:
    print(f"# generating {db} (1000000 entries) ...", flush=True)
    tmp = db + ".tmp"
    subprocess.run([gen, tmp, "1000000"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["sqlite3", tmp, "PRAGMA wal_checkpoint(TRUNCATE);"], check=True,
                   stdout=subprocess.DEVNULL)
    os.rename(tmp, db)
tui = median_ms(tui_once)
sql = median_ms(sqlite_once)
print(f"# database {db}, day {day}, {runs} runs after 3 warm-ups, medians")
print(f"# bianmin home screen ready: {tui:.1f} ms")
print(f"# sqlite3 CLI, the home screen's queries: {sql:.1f} ms")
print(f"# ratio: {tui / sql:.2f}")
print(f"{'ok' if tui < 100 else 'not ok'} 1 - ready for keys in under 100 ms ({tui:.1f} ms)")
print(f"ok 2 - ratio to the sqlite3 CLI on the same queries: {tui / sql:.2f}")
if os.path.exists("/usr/bin/time"):
    kib = peak_kib()
    print(f"# peak memory (home, tally, a day's search): {kib} KiB")
    print(f"{'ok' if kib < 32 * 1024 else 'not ok'} 3 - peak memory under 32 MiB ({kib} KiB)")
else:
    print("ok 3 # SKIP /usr/bin/time is not installed")
