"""The official Jupyter kernel conformance suite (jupyter_kernel_test) with Java samples."""
import unittest

import jupyter_kernel_test


class TradebookKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "tradebook"
    language_name = "java"
    file_extension = ".jsh"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'

    completion_samples = [
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "Datasets.GO", "matches": {"GOOG()"}},
        {"text": "int n = 1;\n\"x\".toUpperC", "matches": {"toUpperCase("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 1;", "class A {}", "System.out.println(1);"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "class B {", "int y = (1 +"]
    invalid_code_samples = ["int x = ;", "}", "class 1A {}"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "Math.abs(-3)", "result": "3"},
        {"code": '"Trade" + "book"', "result": '"Tradebook"'},
        {"code": "new Backtest(Datasets.GOOG(), SmaCross.class).run()", "mime": "text/html"},
    ]

    code_display_data = [
        {"code": "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));", "mime": "image/png"},
        {"code": "%%html\n<b>bold</b>", "mime": "text/html"},
        {"code": 'display(new Backtest(Datasets.GOOG(), SmaCross.class).run(), "text/html");', "mime": "text/html"},
    ]

    code_history_pattern = "Math.abs*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_page_something = "Math.max?"

    code_clear_output = 'System.out.println("soon gone"); clearOutput();'


if __name__ == "__main__":
    unittest.main()
