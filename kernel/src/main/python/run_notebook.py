"""./tradebook run NB.ipynb [-o OUT.ipynb]: execute a notebook headlessly through the Tradebook kernel.

Exits 1 with the failing cell's error (its source, the error name, message and traceback).
"""
import argparse
import re
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def main() -> int:
    ap = argparse.ArgumentParser(prog="./tradebook run", description=__doc__.splitlines()[0])
    ap.add_argument("notebook")
    ap.add_argument("-o", "--output", help="where to write the executed notebook")
    ap.add_argument("--timeout", type=int, default=600, help="seconds a cell may run (default 600)")
    ap.add_argument("--kernel", default="tradebook", help="kernel name (default tradebook)")
    args = ap.parse_args()

    try:
        nb = nbformat.read(args.notebook, as_version=4)
    except FileNotFoundError:
        print(f"tradebook run: no such notebook: {args.notebook}", file=sys.stderr)
        return 2
    except Exception as e:  # not JSON, not a notebook
        print(f"tradebook run: {args.notebook} is not a readable notebook: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=args.timeout,
                            resources={"metadata": {"path": _dir(args.notebook)}})
    failed = None
    try:
        client.execute()
    except CellExecutionError as e:
        failed = e
    if args.output:
        nbformat.write(nb, args.output)
    if failed is not None:
        print(f"tradebook run: {args.notebook} failed", file=sys.stderr)
        print(describe(nb) or ANSI.sub("", str(failed)), file=sys.stderr)
        return 1
    cells = sum(1 for c in nb.cells if c.cell_type == "code")
    print(f"tradebook run: {args.notebook}: {cells} code cells ran" + (f", written to {args.output}" if args.output else ""))
    return 0


def describe(nb) -> str:
    """The failing cell: its number, source, and the kernel's error with its traceback."""
    for i, cell in enumerate(nb.cells, 1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                trace = ANSI.sub("", "\n".join(out.get("traceback", [])))
                return (f"cell {i}:\n{cell.source}\n{'-' * 40}\n"
                        f"{out.get('ename')}: {out.get('evalue')}\n{trace}")
    return ""


def _dir(path: str) -> str:
    import os
    return os.path.dirname(os.path.abspath(path))


if __name__ == "__main__":
    sys.exit(main())
