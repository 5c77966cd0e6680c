"""The launcher's kernel commands: install (without Jupyter's help), run, jshell."""
import json
import os
import subprocess
from pathlib import Path

import nbformat

from conftest import SMA_CROSS

ROOT = Path(__file__).resolve().parents[4]
TRADEBOOK = str(ROOT / "tradebook")


def sh(*args, env=None, input=None, timeout=300):
    return subprocess.run([TRADEBOOK, *args], cwd=ROOT, env={**os.environ, **(env or {})}, input=input,
                          capture_output=True, text=True, timeout=timeout)


def test_install_writes_the_kernel_spec_and_honours_jupyter_data_dir(tmp_path):
    r = sh("install", env={"JUPYTER_DATA_DIR": str(tmp_path / "data")})
    assert r.returncode == 0, r.stderr
    spec = json.loads((tmp_path / "data" / "kernels" / "tradebook" / "kernel.json").read_text())
    assert spec["display_name"] == "Java (Tradebook)" and spec["language"] == "java"
    assert spec["interrupt_mode"] == "message" and "{connection_file}" in spec["argv"]

    r = sh("install", "--prefix", str(tmp_path / "prefix"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "prefix" / "share" / "jupyter" / "kernels" / "tradebook" / "kernel.json").is_file()


def notebook(path, *cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nb.metadata["kernelspec"] = {"name": "tradebook", "display_name": "Java (Tradebook)", "language": "java"}
    nbformat.write(nb, str(path))
    return path


def test_run_executes_a_notebook_headlessly(tmp_path):
    nb = notebook(tmp_path / "ok.ipynb", SMA_CROSS,
                  "new Backtest(Datasets.GOOG(), SmaCross.class).cash(10_000).commission(.002).run()")
    out = tmp_path / "out.ipynb"
    r = sh("run", str(nb), "-o", str(out))
    assert r.returncode == 0, r.stderr
    done = nbformat.read(str(out), as_version=4)
    result = done.cells[1].outputs[-1]
    assert result.output_type == "execute_result" and "Return [%]" in result.data["text/html"]


def test_run_fails_with_the_failing_cells_error(tmp_path):
    nb = notebook(tmp_path / "bad.ipynb", "int a = 1;", 'String s = a;', "a + 1")
    r = sh("run", str(nb))
    assert r.returncode == 1
    assert "String s = a;" in r.stderr and "incompatible types" in r.stderr


def test_jshell_has_the_library_and_imports():
    r = sh("jshell", "-q", input='new Backtest(Datasets.GOOG(), SmaCross.class).cash(10_000).commission(.002).run().get("Return [%]")\n/exit\n')
    assert r.returncode == 0, r.stderr
    assert "462.63" in r.stdout
    assert "SLF4J" not in r.stdout + r.stderr


def test_lab_opens_the_notebooks_with_the_kernel_installed(tmp_path):
    import socket
    import time
    import urllib.request
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "JUPYTER_DATA_DIR": str(tmp_path / "data"), "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    lab = subprocess.Popen([TRADEBOOK, "lab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
                            "--IdentityProvider.token=t"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(240):
            try:
                specs = json.loads(urllib.request.urlopen(f"{base}/api/kernelspecs?token=t", timeout=2).read())
                break
            except OSError:
                assert lab.poll() is None, lab.stdout.read()
                time.sleep(0.5)
        else:
            raise AssertionError("./tradebook lab did not start serving")
        assert "tradebook" in specs["kernelspecs"]
        # the user-level spec it installed (JUPYTER_DATA_DIR), and the notebooks folder as the root
        assert (tmp_path / "data" / "kernels" / "tradebook" / "kernel.json").is_file()
        names = [c["name"] for c in json.loads(urllib.request.urlopen(f"{base}/api/contents?token=t").read())["content"]]
        assert "01-quick-start.ipynb" in names, names
    finally:
        lab.terminate()
        lab.wait(timeout=30)


def test_run_names_a_missing_or_broken_notebook(tmp_path):
    r = sh("run", str(tmp_path / "nosuch.ipynb"))
    assert r.returncode == 2 and "no such notebook" in r.stderr and "Traceback" not in r.stderr
    bad = tmp_path / "bad.ipynb"
    bad.write_text("{not json")
    r = sh("run", str(bad))
    assert r.returncode == 2 and "is not a readable notebook" in r.stderr and "Traceback" not in r.stderr
