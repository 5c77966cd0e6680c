"""Notebook 01 in JupyterLab (the one `./tradebook lab` opens), driven in headless Chromium: run all
cells, then see the stats table and the chart drawn. Screenshot: kernel/target/screenshots/."""
import os
import sys
import time

import pytest

from test_classic_notebook import SHOTS, browser, cleared_copy, server, wait

pytestmark = pytest.mark.skipif(
    os.environ.get("TRADEBOOK_SKIP_BROWSER") == "1", reason="TRADEBOOK_SKIP_BROWSER=1")


@pytest.fixture
def lab_server(tmp_path):
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    code_cells = cleared_copy(nbdir)

    # Render every cell (JupyterLab 4 otherwise only draws the cells in view) and skip the news prompt
    settings = tmp_path / "settings"
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')

    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"), "JUPYTERLAB_SETTINGS_DIR": str(settings)}
    args = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={nbdir}",
            "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    with server(args, env, tmp_path / "lab.log", "--IdentityProvider.token") as (base, token):
        yield base, token, code_cells


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
        # With plotly's JupyterLab extension (Binder installs it) the chart comes as Plotly's own mime
        # type, first as its PNG and drawn once in view; without it, as HTML with the bundled plotly.js
        driver.execute_script("const e = document.querySelector('.jp-RenderedPlotly, .js-plotly-plot'); if (e) e.scrollIntoView()")
        # plotly's extension shows the bundle's PNG and draws the interactive chart on mouse-over
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
        images = driver.find_elements(By.CSS_SELECTOR, ".jp-RenderedPlotly img.plot-img")
        if images:
            ActionChains(driver).move_to_element(images[0]).perform()
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
