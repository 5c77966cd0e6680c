"""%promote through the real kernel (jupyter_client), on a real SQLite store in a temporary TRADEBOOK_HOME;
the notebook 07 through ./tradebook run; the plan CLI as a user calls it."""
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL, execute

ROOT = Path(__file__).resolve().parents[4]
TRADEBOOK = str(ROOT / "tradebook")

TOGGLE = """\
public class Toggle extends Strategy {
    @Param public int units = 10;
    @Override public void next() {
        if (position().isOpen()) position().close(); else buy(size(units));
    }
}
"""


@pytest.fixture
def home_kernel(tmp_path):
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60, env={**os.environ, "TRADEBOOK_HOME": str(tmp_path)})
    yield tmp_path, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def plans(home):
    db = sqlite3.connect(str(home / "tradebook.db"))
    try:
        return db.execute("SELECT p.name, p.enabled, v.spec FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.version "
                          "WHERE p.removed_at IS NULL ORDER BY p.name").fetchall()
    finally:
        db.close()


def test_promote_snapshots_the_cells_class_and_saves_the_plan(home_kernel):
    home, kc = home_kernel
    assert execute(kc, "int unrelated = 42;\n" + TOGGLE).status == "ok"
    r = execute(kc, '%promote Toggle --name nb-toggle --tickers AAPL --source djia --start 2016-01-01 '
                    '--times "9:30:01-16:00/30min" --broker paper --cash 10000 --strict --entry TOO -p units=5', timeout=120)
    assert r.status == "ok", r.error()
    out = r.stdout()
    assert "plan 'nb-toggle' saved (version 1, enabled)" in out and "dry run: dry-run" in out, out
    assert "BUY 5" in out or "SELL 5" in out, out
    [(name, enabled, spec)] = plans(home)
    spec = json.loads(spec)
    assert name == "nb-toggle" and enabled == 1
    assert spec["className"] == "Toggle" and "public class Toggle extends Strategy" in spec["source"]
    assert "unrelated" not in spec["source"], "only the class, not the rest of its cell"
    assert "tradebook.kernel" not in spec["source"]
    assert spec["params"] == {"units": 5.0} and spec["tickers"] == ["AAPL"] and spec["runTimes"] == "9:30:01-16:00/30min"

    # the plan runs from the store without the kernel: the CLI in its own JVM
    env = {**os.environ, "TRADEBOOK_HOME": str(home)}
    run = subprocess.run([TRADEBOOK, "plan", "run", "nb-toggle"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "submitted to paper" in run.stdout, run.stdout
    listed = subprocess.run([TRADEBOOK, "plan", "list"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert listed.returncode == 0 and "nb-toggle" in listed.stdout


def test_promote_takes_the_parameters_a_notebook_ran_with(home_kernel):
    home, kc = home_kernel
    assert execute(kc, TOGGLE).status == "ok"
    r = execute(kc, 'var s = new Backtest(QuoteSource.djia().daily("AAPL", LocalDate.of(2016, 1, 1), LocalDate.of(2016, 6, 30)), Toggle.class)'
                    '.run(Map.of("units", 7));')
    assert r.status == "ok", r.error()
    r = execute(kc, "%promote Toggle --name from-stats --tickers AAPL --source djia --start 2016-01-01 --params-from s", timeout=120)
    assert r.status == "ok", r.error()
    assert json.loads(plans(home)[0][2])["params"] == {"units": 7}
    r = execute(kc, "%promote Toggle --name from-map --tickers AAPL --source djia --start 2016-01-01 --params-from 'Map.of(\"units\", 2)' -p units=3",
                timeout=120)
    assert r.status == "ok", r.error()
    assert json.loads(dict((n, sp) for n, _, sp in plans(home))["from-map"])["params"] == {"units": 3.0}, "-p wins"
    r = execute(kc, "%promote Toggle --name bad --tickers AAPL --source djia --params-from 42")
    assert r.status == "error" and "a Stats, OptimizationResult or Map is needed, got Integer" in r.error()["evalue"]


def test_promote_takes_the_cell_declared_types_the_strategy_uses(home_kernel):
    home, kc = home_kernel
    assert execute(kc, "public record Sizing(int units) {}\nclass Unused {}").status == "ok"
    assert execute(kc, TOGGLE.replace("Toggle", "Sized").replace("size(units)", "size(new Sizing(units).units())")).status == "ok"
    r = execute(kc, "%promote Sized --name sized --tickers AAPL --source djia --start 2016-01-01", timeout=120)
    assert r.status == "ok", r.error()
    spec = json.loads(plans(home)[0][2])
    assert "record Sizing" in spec["source"] and "Unused" not in spec["source"]


def ext_jar(tmp):
    src = tmp / "src" / "ext" / "Units.java"
    src.parent.mkdir(parents=True)
    src.write_text("package ext; public class Units { public static int of() { return 4; } }")
    classes = tmp / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src)], check=True)
    jar = tmp / "ext.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True)
    return jar


def test_promote_keeps_the_jars_the_notebook_added(home_kernel, tmp_path_factory):
    home, kc = home_kernel
    jar = ext_jar(tmp_path_factory.mktemp("ext"))
    assert execute(kc, f"%jars {jar}").status == "ok"
    assert execute(kc, TOGGLE.replace("Toggle", "Ext").replace("size(units)", "size(ext.Units.of())")).status == "ok"
    r = execute(kc, "%promote Ext --name ext --tickers AAPL --source djia --start 2016-01-01", timeout=120)
    assert r.status == "ok", r.error()
    assert "BUY 4" in r.stdout() or "SELL 4" in r.stdout(), r.stdout()
    spec = json.loads(plans(home)[0][2])
    assert spec["jars"] == [str(jar)], spec["jars"]
    env = {**os.environ, "TRADEBOOK_HOME": str(home)}
    run = subprocess.run([TRADEBOOK, "plan", "run", "ext"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr


def test_promote_errors_show_before_anything_is_saved(home_kernel):
    home, kc = home_kernel
    assert "%promote CLASS --name N" in execute(kc, "%lsmagic").stdout()
    r = execute(kc, "%promote Missing --name x --tickers AAPL --source djia")
    assert r.status == "error" and "no cell declares a class Missing" in r.error()["evalue"]
    assert execute(kc, TOGGLE).status == "ok"
    r = execute(kc, '%promote Toggle --name "bad name" --tickers AAPL --source djia --times 25:00 --cash -5', timeout=120)
    assert r.status == "error"
    msg = r.error()["evalue"]
    assert "name 'bad name'" in msg and "run times" in msg and "cash -5.0" in msg, msg
    r = execute(kc, "%promote Toggle --name x --tickers AAPL --sauce djia")
    assert r.status == "error" and "Unknown option" in r.error()["evalue"] and "usage: %promote" in r.error()["evalue"]
    boom = TOGGLE.replace("if (position().isOpen())", 'if (bar() > 5) throw new IllegalStateException("no");\n        if (position().isOpen())')
    assert execute(kc, boom).status == "ok"
    r = execute(kc, "%promote Toggle --name boom --tickers AAPL --source djia --start 2016-01-01", timeout=120)
    assert r.status == "error" and "dry run of 'boom' failed, nothing was saved" in r.error()["evalue"], r.error()
    assert not (home / "tradebook.db").exists() or plans(home) == []


def test_notebook_07_runs_through_tradebook_run(tmp_path):
    out = tmp_path / "07.ipynb"
    r = subprocess.run([TRADEBOOK, "run", "notebooks/07-promote-to-plan.ipynb", "-o", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    text = out.read_text()
    assert "saved (version 1, enabled)" in text and "dry-run" in text and "aapl-sma" in text
