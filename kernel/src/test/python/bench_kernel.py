"""Kernel figures for ./tradebook bench, measured through jupyter_client as a front end sees them.

K_START      launch to the first kernel_info_reply
K_FIRST_CELL launch to the result of the first `1 + 1` (the Java engine warms up after the reply)
K_CELL       a trivial cell (`1 + 1`) on a kernel that has run WARM cells (a notebook's worth)
K_BACKTEST   a cell running SmaCross on GOOG, after WARM_BACKTESTS such runs
and the same for ipykernel in the same run (IPYKERNEL_*). *_CPU lines give the kernel process's
CPU seconds per cell (user + system, all threads), which a busy machine disturbs less than wall time.
"""
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

sys.path.insert(0, os.path.dirname(__file__))
from conftest import SMA_CROSS, execute  # noqa: E402

STARTS = int(os.environ.get("K_STARTS", "5"))
CELLS = int(os.environ.get("K_CELLS", "30"))
BACKTESTS = int(os.environ.get("K_BACKTESTS", "15"))
WARM = int(os.environ.get("K_WARM", "50"))
WARM_BACKTESTS = int(os.environ.get("K_WARM_BACKTESTS", "5"))
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(km):
    """CPU time of the kernel process so far (Linux /proc)."""
    try:
        fields = open(f"/proc/{km.provisioner.process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except (OSError, AttributeError):
        return float("nan")


def launch(name):
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    started = time.perf_counter() - t0
    return km, kc, started, t0


def timed(kc, code, timeout=120):
    t = time.perf_counter()
    r = execute(kc, code, timeout=timeout)
    if r.status != "ok":
        raise SystemExit(f"bench cell failed: {code!r}: {r.error()}")
    return time.perf_counter() - t


def line(label, values):
    print(f"{label} median={statistics.median(values):.4f} min={min(values):.4f} max={max(values):.4f} n={len(values)}", flush=True)


def bench(name, prefix, one_plus_one, backtest_setup, backtest):
    starts, firsts = [], []
    for _ in range(STARTS):
        km, kc, started, t0 = launch(name)
        timed(kc, one_plus_one)
        firsts.append(time.perf_counter() - t0)
        starts.append(started)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    line(f"{prefix}_START", starts)
    line(f"{prefix}_FIRST_CELL", firsts)

    km, kc, _, _ = launch(name)
    try:
        for _ in range(WARM):
            timed(kc, one_plus_one)
        cpu0 = cpu_seconds(km)
        line(f"{prefix}_CELL", [timed(kc, one_plus_one) for _ in range(CELLS)])
        print(f"{prefix}_CELL_CPU per_cell={(cpu_seconds(km) - cpu0) / CELLS:.4f}", flush=True)
        if backtest is None:
            print(f"{prefix}_BACKTEST n/a (backtesting.py is not installed in this Python)")
            return
        if backtest_setup:
            timed(kc, backtest_setup)
        for _ in range(WARM_BACKTESTS):  # the first runs pay class loading and JIT
            timed(kc, backtest)
        cpu0 = cpu_seconds(km)
        line(f"{prefix}_BACKTEST", [timed(kc, backtest) for _ in range(BACKTESTS)])
        print(f"{prefix}_BACKTEST_CPU per_cell={(cpu_seconds(km) - cpu0) / BACKTESTS:.4f}", flush=True)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    bench("tradebook", "K", "1 + 1", SMA_CROSS,
          "new Backtest(Datasets.GOOG(), SmaCross.class).cash(10_000).commission(.002).run();")
    if os.environ.get("K_ONLY"):
        return
    py_backtest = None
    try:
        import backtesting  # noqa: F401
        py_backtest = ("from backtesting import Backtest\nfrom backtesting.test import SmaCross, GOOG\n"
                       "Backtest(GOOG, SmaCross, cash=10_000, commission=.002).run();")
    except ImportError:
        pass
    bench("python3", "IPYKERNEL", "1 + 1", None, py_backtest)


if __name__ == "__main__":
    main()
