"""Opens a notebook of Tradebook chart outputs in a real JupyterLab (headless Chromium) and
reports, per case, how each chart showed: drawn by plotly.js or left as the PNG placeholder.
Not part of CI (needs jupyterlab, plotly and selenium in a venv). Usage:

    java -cp LIB_TEST_CP tradebook.chart.NotebookExport /tmp/nb/charts.ipynb
    python jupyterlab_charts.py /tmp/nb/charts.ipynb [--no-plotly-mime]

Cases: the notebook trusted (signed, as after running it yourself) and untrusted (as when
opened from elsewhere).
"""
import json, os, shutil, subprocess, sys, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

src = sys.argv[1]
# Without the Plotly mime type JupyterLab falls back to the HTML output, as it does where the
# jupyterlab-plotly extension (PyPI's plotly package) is not installed.
disable_ext = "--no-plotly-mime" in sys.argv
root = os.path.dirname(os.path.abspath(src))
bindir = os.path.dirname(sys.executable)
nb = json.load(open(src))
if disable_ext:
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            out.get("data", {}).pop("application/vnd.plotly.v1+json", None)
for name in ("trusted", "untrusted"):
    nb["metadata"]["copy"] = name  # signatures go by content: keep the copies apart
    json.dump(nb, open(os.path.join(root, name + ".ipynb"), "w"))
subprocess.run([os.path.join(bindir, "jupyter"), "trust", os.path.join(root, "trusted.ipynb")], check=True)
port, token = 8891, "tradebook-check"
lab = subprocess.Popen([os.path.join(bindir, "jupyter"), "lab", "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
                        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=1)
            break
        except Exception:
            time.sleep(0.5)
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--no-first-run", "--window-size=1400,4000"]:
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        for name in ("trusted", "untrusted"):
            # ?reset: a fresh workspace, so only this notebook is open
            driver.get(f"http://127.0.0.1:{port}/lab/tree/{name}.ipynb?token={token}&reset")
            result = None
            for i in range(60):
                time.sleep(1)
                # jupyterlab-plotly shows the bundle's PNG and draws the chart on mouse-over.
                for img in driver.find_elements(By.CSS_SELECTOR, ".jp-RenderedPlotly img.plot-img"):
                    try:
                        driver.execute_script("arguments[0].scrollIntoView();"
                                              "arguments[0].dispatchEvent(new MouseEvent('mouseenter'))", img)
                    except Exception:
                        pass
                result = driver.execute_script("""
                    var outs = [...document.querySelectorAll('.jp-OutputArea-output')];
                    return outs.map(o => {
                        var gd = o.classList.contains('js-plotly-plot') ? o : o.querySelector('.js-plotly-plot');
                        return {drawn: !!(gd && gd._fullLayout), byTradebook: !!(gd && gd.getAttribute('data-drawn-ms')),
                                picture: !!o.querySelector('img'),
                                renderer: [...o.classList].filter(c => c.startsWith('jp-Rendered')).join(' ')};
                    });""")
                if result and len(result) == 3 and all(r["drawn"] for r in result):
                    break
            shot = os.path.join(root, f"jupyterlab-{name}{'-noext' if disable_ext else ''}.png")
            driver.save_screenshot(shot)
            errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            print(json.dumps({"case": name, "plotly_extension": not disable_ext, "outputs": result,
                              "console_errors": errors[:3], "screenshot": shot}))
    finally:
        driver.quit()
finally:
    lab.terminate()
    lab.wait(10)
