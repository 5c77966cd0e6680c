"""binder/ as Binder (repo2docker) uses it, on a fresh HOME: a new Python environment with
binder/requirements.txt, then binder/postBuild from a copy of the repository; the kernel it
installs must then execute notebook 01 under that environment's Jupyter.

Stand-ins for Binder's build: apt.txt is what .ci/run installs already (a JDK, fonts); Maven's
local repository and pip's cache are shared with this machine's so the test does not download
the world again (the Maven wrapper still fetches Maven into the fresh HOME)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[4]


def sh(args, cwd, env, timeout):
    r = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, f"{' '.join(map(str, args))} failed ({r.returncode}):\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r


def copy_repo(dst):
    """The files a clone would have (tracked and new, not ignored), without build output."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split("\0")
    for f in filter(None, files):
        src = ROOT / f
        if src.is_file():
            (dst / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / f)


def test_postbuild_on_a_fresh_home_installs_a_kernel_that_runs_notebook_01(tmp_path):
    repo, home, venv = tmp_path / "repo", tmp_path / "home", tmp_path / "env"
    repo.mkdir(), home.mkdir()
    copy_repo(repo)
    real_home = Path.home()
    env = {
        "HOME": str(home),
        "PATH": f"{venv}/bin:" + os.environ["PATH"],
        "LANG": "C.UTF-8",
        "MAVEN_OPTS": f"-Dmaven.repo.local={real_home}/.m2/repository",
        "PIP_CACHE_DIR": os.environ.get("PIP_CACHE_DIR", str(real_home / ".cache" / "pip")),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    for k in ("JAVA_HOME", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY"):
        if k in os.environ:
            env[k] = os.environ[k]

    # Binder: the notebook environment, then requirements.txt, then postBuild from the repository root
    sh([sys.executable, "-m", "venv", str(venv)], tmp_path, env, 120)
    sh([f"{venv}/bin/pip", "install", "-q", "-r", "binder/requirements.txt"], repo, env, 900)
    sh(["bash", "binder/postBuild"], repo, env, 1200)

    spec = json.loads((venv / "share" / "jupyter" / "kernels" / "tradebook" / "kernel.json").read_text())
    assert spec["language"] == "java" and str(repo) in json.dumps(spec), spec
    listed = sh([f"{venv}/bin/jupyter", "kernelspec", "list", "--json"], repo, env, 60).stdout
    assert "tradebook" in json.loads(listed)["kernelspecs"]
    assert not (home / ".local" / "share" / "jupyter" / "kernels" / "tradebook").exists()  # sys-prefix, not the user

    nb = repo / "notebooks" / "01-quick-start.ipynb"
    out = tmp_path / "out.ipynb"
    sh([f"{venv}/bin/jupyter", "nbconvert", "--to", "notebook", "--execute", str(nb), "--output", str(out),
        "--ExecutePreprocessor.kernel_name=tradebook", "--ExecutePreprocessor.timeout=600"], repo, env, 900)
    done = nbformat.read(str(out), as_version=4)
    texts = [o.data.get("text/plain", "") for c in done.cells if c.cell_type == "code" for o in c.outputs if "data" in o]
    errors = [o for c in done.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    assert any("Equity Final [$]        56263.5" in t for t in texts), texts[:3]
    assert any("SmaCross(n1=10,n2=15)" in t for t in texts)
