"""Shared helpers for the kernel tests: they drive the installed `tradebook` kernel spec through
jupyter_client, as a front end would. `./tradebook test` installs the spec into .venv first."""
import queue
import time

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

KERNEL = "tradebook"

SMA_CROSS = """\
public class SmaCross extends Strategy {
    @Param public int n1 = 10;
    @Param public int n2 = 20;
    Indicator fast, slow;

    @Override public void init() {
        fast = I("SMA", Ta.sma(data().close().values(), n1));
        slow = I("SMA", Ta.sma(data().close().values(), n2));
    }

    @Override public void next() {
        if (crossover(fast, slow)) { position().close(); buy(); }
        else if (crossover(slow, fast)) { position().close(); sell(); }
    }
}
"""


def pytest_sessionstart(session):
    if KERNEL not in KernelSpecManager().find_kernel_specs():
        raise pytest.UsageError("kernel spec 'tradebook' is not installed: run ./tradebook install --prefix .venv (./tradebook test does)")


def start(timeout=60):
    return start_new_kernel(kernel_name=KERNEL, startup_timeout=timeout)


class Run:
    """What one execute request produced: the reply and the iopub messages up to idle."""

    def __init__(self, reply, msgs):
        self.reply = reply
        self.msgs = msgs

    @property
    def status(self):
        return self.reply["content"]["status"]

    def of(self, msg_type):
        return [m["content"] for m in self.msgs if m["msg_type"] == msg_type]

    def stdout(self):
        return "".join(c["text"] for c in self.of("stream") if c["name"] == "stdout")

    def stderr(self):
        return "".join(c["text"] for c in self.of("stream") if c["name"] == "stderr")

    def result(self):
        results = self.of("execute_result")
        return results[0]["data"] if results else None

    def error(self):
        errors = self.of("error")
        return errors[0] if errors else None


def execute(kc, code, timeout=60, allow_stdin=False):
    msg_id = kc.execute(code, allow_stdin=allow_stdin)
    return collect(kc, msg_id, timeout)


def collect(kc, msg_id, timeout=60):
    deadline = time.time() + timeout
    msgs = []
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        msgs.append(msg)
    while True:
        reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return Run(reply, msgs)


def drain(kc):
    try:
        while True:
            kc.get_iopub_msg(timeout=0.2)
    except queue.Empty:
        pass


@pytest.fixture(scope="module")
def kernel():
    km, kc = start()
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


@pytest.fixture
def kc(kernel):
    return kernel[1]
