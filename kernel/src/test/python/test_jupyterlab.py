"""Notebook 01 in JupyterLab (the one `./tradebook lab` opens), driven in headless Chromium: run all
cells, then see the stats table and the chart drawn. Screenshot: kernel/target/screenshots/."""
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from test_classic_notebook import ROOT, SHOTS, browser, free_port, wait

pytestmark = pytest.mark.skipif(
    os.environ.get("TRADEBOOK_SKIP_BROWSER") == "1", reason="TRADEBOOK_SKIP_BROWSER=1")


@pytest.fixture
def lab_server(tmp_path):
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    nb = json.loads((ROOT / "notebooks" / "01-quick-start.ipynb").read_text())
    for c in nb["cells"]:
        if c["cell_type"] == "code":
            c["outputs"], c["execution_count"] = [], None
    (nbdir / "01-quick-start.ipynb").write_text(json.dumps(nb))
    code_cells = sum(1 for c in nb["cells"] if c["cell_type"] == "code")

    # Render every cell (JupyterLab 4 otherwise only draws the cells in view) and skip the news prompt
    settings = tmp_path / "settings"
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')

    port, token = free_port(), "tradebook-lab-test"
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"), "JUPYTERLAB_SETTINGS_DIR": str(settings)}
    args = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={nbdir}", "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    log = open(tmp_path / "lab.log", "w")
    server = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/kernelspecs?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail("JupyterLab exited: " + (tmp_path / "lab.log").read_text()[-2000:])
                time.sleep(0.5)
        specs = json.loads(urllib.request.urlopen(f"{base}/api/kernelspecs?token={token}").read())
        assert "tradebook" in specs["kernelspecs"], "kernel spec not visible to JupyterLab: " + str(list(specs["kernelspecs"]))
        yield base, token, code_cells
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_notebook_01_runs_in_jupyterlab(lab_server):
    base, token, code_cells = lab_server
    driver = browser()
    try:
        driver.get(f"{base}/lab/tree/01-quick-start.ipynb?token={token}")
        wait(driver, """const app = window.jupyterapp; if (!app) return false;
                        const w = app.shell.currentWidget; return !!(w && w.sessionContext && w.sessionContext.session
                        && w.sessionContext.session.kernel && w.sessionContext.session.kernel.connectionStatus === 'connected'
                        && w.sessionContext.session.kernel.status === 'idle')""", 120, "the kernel")
        assert driver.execute_script("return jupyterapp.shell.currentWidget.sessionContext.session.kernel.name") == "tradebook"
        driver.execute_script("jupyterapp.commands.execute('notebook:run-all-cells')")
        wait(driver, """const w = jupyterapp.shell.currentWidget, m = w.content.model;
                        for (let i = 0; i < m.cells.length; i++) {
                            const c = m.cells.get(i);
                            if (c.type === 'code' && !c.executionCount) return false;
                        }
                        return w.sessionContext.session.kernel.status === 'idle'""", 300, "all cells to run")
        errors = driver.execute_script("return [...document.querySelectorAll('[data-mime-type=\"application/vnd.jupyter.stderr\"]')]"
                                       ".map(e => e.innerText).filter(t => /Exception|Error:/.test(t))")
        assert errors == [], errors
        stats = driver.execute_script("""return [...document.querySelectorAll('.jp-OutputArea-output')]
                                         .map(e => e.innerText).filter(t => t.includes('Equity Final [$]'))""")
        assert stats and "56263.5" in stats[0], stats[:1]
        wait(driver, "return document.querySelectorAll('.js-plotly-plot .main-svg').length > 0", 60, "the Plotly chart")
        traces = driver.execute_script("return document.querySelector('.js-plotly-plot').data.map(t => t.name)")
        assert "Equity" in traces, traces
        driver.execute_script("document.querySelector('.js-plotly-plot').scrollIntoView()")
        time.sleep(1)
        SHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SHOTS / "jupyterlab-01.png"))
        assert (SHOTS / "jupyterlab-01.png").stat().st_size > 20_000
    finally:
        driver.quit()
