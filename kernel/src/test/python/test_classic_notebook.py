"""Notebook 01 in the classic Notebook server (Debian's `jupyter-notebook`, 6.x), driven in headless
Chromium: run all cells, then see the stats table and the Plotly chart drawn in the page.
The screenshot lands in kernel/target/screenshots/ (CI keeps it as an artifact)."""
import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
SHOTS = ROOT / "kernel" / "target" / "screenshots"
CLASSIC = shutil.which("jupyter-notebook", path="/usr/bin")
CHROMIUM, DRIVER = "/usr/bin/chromium", shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(
    os.environ.get("TRADEBOOK_SKIP_BROWSER") == "1", reason="TRADEBOOK_SKIP_BROWSER=1")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def classic_server(tmp_path):
    if not CLASSIC:
        pytest.fail("the classic Notebook server is missing: apt-get install jupyter-notebook (.ci/run does)")
    data, cfg, runtime, nbdir = (tmp_path / d for d in ("data", "config", "runtime", "nb"))
    nbdir.mkdir()
    env = {**os.environ, "JUPYTER_DATA_DIR": str(data), "JUPYTER_CONFIG_DIR": str(cfg),
           "JUPYTER_RUNTIME_DIR": str(runtime), "JUPYTER_PATH": str(data), "PYTHONNOUSERSITE": "1"}
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = "/usr/bin:/bin"
    r = subprocess.run([str(ROOT / "tradebook"), "install"], cwd=ROOT, env={**os.environ, "JUPYTER_DATA_DIR": str(data)},
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr

    cleared_copy(nbdir)
    args = [CLASSIC, "--no-browser", "--ip=127.0.0.1", f"--notebook-dir={nbdir}"]
    with server(args, env, tmp_path / "server.log", "--NotebookApp.token") as (base, token):
        yield base, token


def cleared_copy(nbdir):
    """A copy of notebook 01 without its committed outputs (what shows must come from this run); its code cells."""
    nb = json.loads((ROOT / "notebooks" / "01-quick-start.ipynb").read_text())
    for c in nb["cells"]:
        if c["cell_type"] == "code":
            c["outputs"], c["execution_count"] = [], None
    (nbdir / "01-quick-start.ipynb").write_text(json.dumps(nb))
    return sum(1 for c in nb["cells"] if c["cell_type"] == "code")


@contextlib.contextmanager
def server(args, env, log_path, token_option):
    """Starts a Jupyter server on a free port, waits until it serves and sees the tradebook kernel spec; stops it after."""
    port, token = free_port(), "tradebook-test"
    args = [*args, f"--port={port}", f"{token_option}={token}"] + (["--allow-root"] if os.geteuid() == 0 else [])
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"{base}/api/kernelspecs?token={token}", timeout=2)
                    break
                except OSError:
                    if proc.poll() is not None:
                        pytest.fail(f"{args[0]} exited: " + log_path.read_text()[-2000:])
                    time.sleep(0.5)
            specs = json.loads(urllib.request.urlopen(f"{base}/api/kernelspecs?token={token}").read())
            assert "tradebook" in specs["kernelspecs"], "kernel spec not visible: " + str(list(specs["kernelspecs"]))
            yield base, token
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100"):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


def wait(driver, script, timeout, what):
    end = time.time() + timeout
    while time.time() < end:
        if driver.execute_script(script):
            return
        time.sleep(0.5)
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"timeout-{int(time.time())}.png"))
    pytest.fail(f"timed out after {timeout}s waiting for {what}")


def test_notebook_01_runs_in_the_classic_notebook(classic_server):
    base, token = classic_server
    driver = browser()
    try:
        driver.get(f"{base}/notebooks/01-quick-start.ipynb?token={token}")
        wait(driver, "return window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                     " && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.info_reply", 120, "the kernel")
        assert driver.execute_script("return Jupyter.notebook.kernel.name") == "tradebook"
        driver.execute_script("Jupyter.notebook.execute_all_cells()")
        wait(driver, """return Jupyter.notebook.get_cells().every(c => c.cell_type != 'code'
                        || (c.input_prompt_number !== null && c.input_prompt_number !== '*'))
                        && !document.querySelector('#kernel_indicator_icon.kernel_busy_icon')""", 300, "all cells to run")

        errors = driver.execute_script("return [...document.querySelectorAll('.output_error')].map(e => e.innerText)")
        assert errors == [], errors
        # The stats table (HTML output) with the tutorial's figures
        stats = driver.execute_script("""return [...document.querySelectorAll('.output_html')]
                                        .map(e => e.innerText).filter(t => t.includes('Equity Final [$]'))""")
        assert stats and "56263.5" in stats[0] and "93" in stats[0], stats[:1]
        # The chart drawn by the bundled plotly.js: SVG plot area with candles and the equity line
        wait(driver, "return document.querySelectorAll('.js-plotly-plot .main-svg').length > 0", 60, "the Plotly chart")
        traces = driver.execute_script(
            "const p = document.querySelector('.js-plotly-plot'); return p.data.map(t => t.name)")
        assert "Equity" in traces and any("OHLC" in (t or "") for t in traces), traces
        driver.execute_script("document.querySelector('.js-plotly-plot').scrollIntoView()")
        time.sleep(1)
        SHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SHOTS / "classic-notebook-01.png"))
        assert (SHOTS / "classic-notebook-01.png").stat().st_size > 20_000
    finally:
        driver.quit()
