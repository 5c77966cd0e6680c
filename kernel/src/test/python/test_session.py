"""The kernel through a real jupyter_client session: strategies declared in cells, rich output,
interrupt, errors, restart, stdin, magics."""
import re
import threading
import time

import pytest

from conftest import SMA_CROSS, collect, drain, execute, start

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def plain(lines):
    return ANSI.sub("", "\n".join(lines))


def test_strategy_declared_in_a_cell_runs_and_shows_stats_as_html(kc):
    r = execute(kc, SMA_CROSS)
    assert r.status == "ok", r.error()
    assert r.of("execute_result") == [] and r.of("error") == []

    r = execute(kc, "new Backtest(Datasets.GOOG(), SmaCross.class).cash(10_000).commission(.002).run()")
    assert r.status == "ok", r.error()
    data = r.result()
    assert "<table" in data["text/html"] and "Return [%]" in data["text/html"]
    assert "Return [%]" in data["text/plain"]
    assert "462.6" in data["text/plain"]  # Backtesting.py's reference figure for this run


def test_param_fields_of_a_cell_class_are_found_by_reflection(kc):
    execute(kc, SMA_CROSS)
    r = execute(kc, 'new Backtest(Datasets.GOOG(), SmaCross.class).run(Map.of("n1", 5, "n2", 30)).get("# Trades")')
    assert r.status == "ok", r.error()
    assert int(r.result()["text/plain"]) > 0


def test_display_stats_as_html_only(kc):
    execute(kc, SMA_CROSS)
    r = execute(kc, 'Stats s = new Backtest(Datasets.GOOG(), SmaCross.class).run();\ndisplay(s, "text/html");')
    assert r.status == "ok", r.error()
    shown = r.of("display_data")
    assert len(shown) == 1 and list(shown[0]["data"]) == ["text/html"]
    assert r.of("execute_result") == []  # display(...) as the last statement shows once


def test_table_is_html_with_a_row_limit(kc):
    execute(kc, SMA_CROSS)
    r = execute(kc, "new Backtest(Datasets.GOOG(), SmaCross.class).run().trades()")
    html = r.result()["text/html"]
    assert html.count("<tr>") == 21  # header + 20 rows
    assert "more rows" in html


def test_interrupt_stops_an_endless_loop_and_the_kernel_lives(kernel):
    km, kc = kernel
    msg_id = kc.execute("long n = 0;\nwhile (true) { n++; }")
    time.sleep(1.5)
    km.interrupt_kernel()
    r = collect(kc, msg_id, timeout=20)
    assert r.status == "error"
    assert r.error()["ename"] == "Interrupted"
    r = execute(kc, "1 + 1")
    assert r.status == "ok" and r.result()["text/plain"] == "2"


def test_interrupt_stops_a_runaway_backtest(kernel):
    km, kc = kernel
    execute(kc, """\
public class Stuck extends Strategy {
    public void init() {}
    public void next() { while (true) { Math.sqrt(data().close().get(-1)); } }
}""")
    msg_id = kc.execute("new Backtest(Datasets.GOOG(), Stuck.class).run()")
    time.sleep(1.5)
    km.interrupt_kernel()
    r = collect(kc, msg_id, timeout=20)
    assert r.status == "error" and r.error()["ename"] == "Interrupted"
    assert execute(kc, "2 + 2").result()["text/plain"] == "4"


def test_compile_error_shows_the_cell_line_with_a_caret_then_a_cell_works(kc):
    r = execute(kc, 'int a = 1;\nString s = a + 1;\nint b = 2;')
    assert r.status == "error"
    err = r.error()
    assert err["ename"] == "CompileError"
    text = plain(err["traceback"])
    assert "incompatible types" in text and "(line 2)" in text
    lines = text.splitlines()
    code_line = next(i for i, l in enumerate(lines) if "String s = a + 1;" in l)
    caret = lines[code_line + 1]
    start = lines[code_line].index("a + 1")
    assert start <= caret.index("^") < start + len("a + 1")  # javac's own caret position (the operator)
    assert "$JShell$" not in text
    assert execute(kc, "3 * 3").result()["text/plain"] == "9"


def test_runtime_exception_shows_message_and_user_frames_first_then_a_cell_works(kc):
    execute(kc, """\
public class Divider extends Strategy {
    public void init() {}
    public void next() {
        int zero = 0;
        System.out.print(1 / zero);
    }
}""")
    r = execute(kc, "new Backtest(Datasets.GOOG(), Divider.class).run()")
    assert r.status == "error"
    text = plain(r.error()["traceback"])
    assert text.startswith("BacktestException: Divider.next() failed at bar")
    assert "Caused by: ArithmeticException: / by zero" in text
    assert "at Divider.next (cell [" in text and "line 5)" in text
    assert "jdk.internal" not in text and "REPL." not in text
    assert execute(kc, '"still " + "alive"').result()["text/plain"] == '"still alive"'


def test_system_exit_ends_the_cell_not_the_kernel(kc):
    execute(kc, "int kept = 7;")
    r = execute(kc, 'System.out.println("bye");\nSystem.exit(0);')
    assert r.status == "error" and "System.exit(0)" in r.error()["evalue"]
    assert execute(kc, "kept").result()["text/plain"] == "7"


def test_stdout_is_streamed_while_the_cell_runs(kc):
    msg_id = kc.execute('for (int i = 0; i < 3; i++) { System.out.println("tick " + i); Thread.sleep(400); }')
    arrivals = []
    while True:
        msg = kc.get_iopub_msg(timeout=20)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            arrivals.append(time.time())
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    kc.get_shell_msg(timeout=5)
    assert len(arrivals) == 3 and arrivals[-1] - arrivals[0] > 0.6


def test_display_and_update_display(kc):
    r = execute(kc, 'var h = display("first");\nupdateDisplay(h, "second");')
    assert r.status == "ok", r.error()
    shown, updated = r.of("display_data"), r.of("update_display_data")
    assert shown[0]["data"]["text/plain"] == "first"
    assert updated[0]["data"]["text/plain"] == "second"
    assert shown[0]["transient"]["display_id"] == updated[0]["transient"]["display_id"]


def test_json_mime_types_are_sent_as_json_objects(kc):
    r = execute(kc, 'display((tradebook.display.Displayable) () -> Map.of(\n'
                    '    "application/vnd.plotly.v1+json", "{\\"data\\": [{\\"y\\": [1, 2]}], \\"layout\\": {}}",\n'
                    '    "text/plain", "a chart"));')
    assert r.status == "ok", r.error()
    data = r.of("display_data")[0]["data"]
    assert data["application/vnd.plotly.v1+json"] == {"data": [{"y": [1, 2]}], "layout": {}}


def test_users_register_renderers(kc):
    r = execute(kc, 'record Money(double v) {}\n'
                    'tradebook.kernel.Renderer.register(Money.class, m -> Map.of("text/html", "<b>$" + m.v() + "</b>"));\n'
                    'new Money(5)')
    assert r.status == "ok", r.error()
    assert r.result()["text/html"] == "<b>$5.0</b>"
    assert r.result()["text/plain"] == "Money[v=5.0]"


def test_image_renders_as_png(kc):
    r = execute(kc, "new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)")
    assert r.result()["image/png"].startswith("iVBOR")


def test_stdin_input_request(kc):
    msg_id = kc.execute('String name = new Scanner(System.in).nextLine();\n"hi " + name', allow_stdin=True)
    req = kc.get_stdin_msg(timeout=20)
    assert req["msg_type"] == "input_request"
    kc.input("Ada")
    r = collect(kc, msg_id, timeout=20)
    assert r.status == "ok", r.error()
    assert r.result()["text/plain"] == '"hi Ada"'


def test_magics(kc, tmp_path):
    r = execute(kc, "%time 6 * 7")
    assert r.result()["text/plain"] == "42" and "Wall time:" in r.stdout()
    r = execute(kc, "%%time\nint t = 1;\nt + 1")
    assert r.result()["text/plain"] == "2" and "Wall time:" in r.stdout()
    r = execute(kc, "%%html\n<i>hi</i>")
    assert r.of("display_data")[0]["data"]["text/html"] == "<i>hi</i>"
    r = execute(kc, "%%markdown\n# Title")
    assert r.of("display_data")[0]["data"]["text/markdown"] == "# Title"
    r = execute(kc, "%classpath")
    assert "tradebook-library" in r.stdout()
    script = tmp_path / "helpers.jsh"
    script.write_text("int twice(int x) { return 2 * x; }\n")
    r = execute(kc, f"%load {script}\ntwice(21)")
    assert r.result()["text/plain"] == "42", r.error()
    r = execute(kc, "%promote SmaCross")  # the trade-plan package's magic: it needs at least a plan name
    assert r.status == "error" and "--name is required" in r.error()["evalue"]
    r = execute(kc, "%nosuchmagic")
    assert r.status == "error" and "unknown magic" in r.error()["evalue"]


def test_jars_magic_adds_a_jar(kc, tmp_path):
    src = tmp_path / "src" / "demo"
    src.mkdir(parents=True)
    (src / "Hello.java").write_text("package demo; public class Hello { public static String hi() { return \"hello from a jar\"; } }")
    import subprocess
    subprocess.run(["javac", "-d", str(tmp_path / "classes"), str(src / "Hello.java")], check=True)
    subprocess.run(["jar", "cf", str(tmp_path / "demo.jar"), "-C", str(tmp_path / "classes"), "."], check=True)
    r = execute(kc, f"%jars {tmp_path}/*.jar\ndemo.Hello.hi()")
    assert r.status == "ok", r.error()
    assert r.result()["text/plain"] == '"hello from a jar"'


def test_maven_magic_resolves_from_central(kc):
    r = execute(kc, "%maven org.apache.commons:commons-text:1.12.0\n"
                    "org.apache.commons.text.WordUtils.capitalize(\"trade book\")", timeout=180)
    assert r.status == "ok", r.error()
    assert "commons-lang3" in r.stdout()  # the transitive dependency came along
    assert r.result()["text/plain"] == '"Trade Book"'


def test_maven_magic_excludes_a_group(kc):
    # commons-text needs commons-lang3; excluding it leaves the artifact alone on the class path
    r = execute(kc, "%maven org.apache.commons:commons-text:1.12.0 --exclude org.apache.commons:commons-lang3", timeout=180)
    assert r.status == "ok", r.error()
    assert "commons-text" in r.stdout() and "commons-lang3" not in r.stdout()
    r = execute(kc, "%maven --exclude")
    assert r.status == "error" and "--exclude" in r.error()["evalue"]


def test_restart_gives_a_fresh_kernel():
    km, kc = start()
    try:
        execute(kc, "int before = 1;")
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=60)
        drain(kc)
        r = execute(kc, "before")
        assert r.status == "error" and r.error()["ename"] == "CompileError"
        assert execute(kc, "1 + 1").result()["text/plain"] == "2"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.mark.parametrize("code, shown", [
    ("1 + 1 // a comment", "2"),
    ("'a'", "'a'"),
    ("null", "null"),
    ("new int[] {1, 2}", "int[2] { 1, 2 }"),
    ('String greet(String n) { return "hi " + n; }\ngreet("you");', '"hi you"'),
])
def test_last_expression_values(kc, code, shown):
    r = execute(kc, code)
    assert r.status == "ok", r.error()
    assert r.result()["text/plain"] == shown


def test_a_void_call_last_shows_output_but_no_result(kc):
    r = execute(kc, 'System.out.println("printed")')
    assert r.status == "ok" and r.stdout() == "printed\n" and r.result() is None


def test_errors_in_a_last_expression_point_at_the_cell_line(kc):
    r = execute(kc, "int k = 0;\n\n10 / k")
    assert r.status == "error"
    assert "ArithmeticException: / by zero" in plain(r.error()["traceback"])
    assert "line 3" in plain(r.error()["traceback"])
    r = execute(kc, 'int a = 1;\na + "x".nope()')
    text = plain(r.error()["traceback"])
    assert r.error()["ename"] == "CompileError" and "cannot find symbol" in text and "(line 2)" in text
    lines = text.splitlines()
    i = next(n for n, l in enumerate(lines) if 'a + "x".nope()' in l)
    assert lines[i + 1].index("^") == lines[i].index(".nope") or lines[i + 1].index("^") == lines[i].index("nope")


def test_a_chart_renders_with_plotly_json_as_an_object_and_a_png(kc):
    execute(kc, SMA_CROSS)
    r = execute(kc, "Backtest bt = new Backtest(Datasets.GOOG(), SmaCross.class);\nbt.run();\nbt.plot()", timeout=120)
    assert r.status == "ok", r.error()
    data = r.result()
    assert isinstance(data["application/vnd.plotly.v1+json"], dict) and "data" in data["application/vnd.plotly.v1+json"]
    assert data["image/png"].startswith("iVBOR") and "text/plain" in data
