#!/usr/bin/env python3
"""A terminal that goes away (the ssh link drops) while SIGHUP is ignored
(nohup): the UI must notice and end, not spin on failing reads."""
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import time

bianmin = os.environ["BIANMIN_BIN"]
env = dict(os.environ, TERM="xterm", LC_ALL="C.UTF-8", TZ="Asia/Shanghai", LINES="24",
           COLUMNS="80")
env.pop("BIANMIN_DB", None)
print("1..6")


def run(db, keys, wait_for, n):
    """Opens the UI, presses keys, waits for wait_for, closes the terminal."""
    pid, fd = pty.fork()
    if pid == 0:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        os.execve(bianmin, [bianmin, "--db", db, "--date", "2021-03-15"], env)
    seen = b""
    while "退出".encode() not in seen:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            break
        seen += os.read(fd, 65536)
    if keys:
        os.write(fd, keys)
        while wait_for.encode() not in seen:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                break
            seen += os.read(fd, 65536)
    print(("ok" if wait_for.encode() in seen else "not ok") + f" {n} - {wait_for} is up")
    os.close(fd)
    start = time.monotonic()
    status = None
    while time.monotonic() - start < 10:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        status = None
    elapsed = time.monotonic() - start
    print(f"# ended {elapsed:.2f} s after the terminal closed")
    print(("ok" if status is not None else "not ok") + f" {n + 1} - ends when its terminal is gone")
    print(("ok" if status is not None and elapsed < 5 else "not ok") + f" {n + 2} - within seconds")


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "test.db")
    env["BIANMIN_CONF"] = os.path.join(tmp, "none.conf")
    subprocess.run([bianmin, "--db", db, "init"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    run(db, b"", "退出", 1)
    run(db, b"?", "按键说明", 4)
