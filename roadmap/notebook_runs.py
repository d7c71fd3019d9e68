"""Run a notebook of docs/notebooks/ in a fresh kernel and normalise it: `make notebooks`
(scripts/run_notebooks.py) stores the result.

The site shows each notebook as stored, without running it, so the stored outputs must be the
ones the code produces today; tests/test_notebooks.py re-runs every notebook with the functions
below and compares. To keep that comparison exact, a notebook is normalised after it runs, so the
same notebook gives a byte-identical file on any machine:

- cell ids are the cell's position ("0", "1", ...), as nbstripout numbers them;
- code cells are numbered 1, 2, 3, ... in order, and so are their results;
- consecutive writes to the same stream become one output;
- volatile metadata goes: execution timings, widget state, the Python version in
  language_info, and any other notebook-level key than kernelspec and language_info.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode
from traitlets.config import Config

from roadmap.conventions import DOCS_DIR

ROOT = Path(__file__).resolve().parent.parent  # the checkout (an editable install)
NOTEBOOK_DIR = ROOT / DOCS_DIR / "notebooks"
KERNEL = "python3"
TIMEOUT = 120  # seconds, per cell
# One BLAS thread and a fixed hash seed: the same floating-point sums and the same set order on a
# laptop and on a CI runner, whatever their number of cores.
KERNEL_ENV = {
    "PYTHONHASHSEED": "0",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}
NOTEBOOK_METADATA = ("kernelspec", "language_info")
VOLATILE_LANGUAGE_INFO = ("version",)
VOLATILE_CELL_METADATA = (
    "execution",
    "ExecuteTime",
    "collapsed",
    "scrolled",
    "heading_collapsed",
    "hidden",
)


def notebooks() -> list[Path]:
    return sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def read(path: Path) -> NotebookNode:
    return nbformat.read(path, as_version=4)


def dumps(nb: NotebookNode) -> str:
    """The file's exact text, as nbformat.write (and so nbstripout) writes it."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def execute(path: Path) -> NotebookNode:
    """Run a notebook top to bottom in a fresh kernel, in its own folder; return it normalised.

    Raises nbclient.exceptions.CellExecutionError if a cell fails, and
    nbclient.exceptions.CellTimeoutError if a cell runs longer than TIMEOUT.
    """
    # Build matplotlib's font cache here if it is missing, so that the kernel never prints
    # "Matplotlib is building the font cache" into the first notebook on a fresh machine.
    import matplotlib.font_manager  # noqa: F401

    nb = read(path)
    client = NotebookClient(
        nb,
        # CurveZMQ between this process and the kernel, which the kernel otherwise warns about.
        config=Config({"KernelManager": {"transport_encryption": "auto"}}),
        kernel_name=KERNEL,
        timeout=TIMEOUT,
        allow_errors=False,
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute(env=os.environ | KERNEL_ENV)
    return normalise(nb)


def normalise(nb: NotebookNode) -> NotebookNode:
    """A copy of `nb` with every volatile field fixed or removed (see the module docstring)."""
    nb = copy.deepcopy(nb)
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata = nbformat.from_dict(
        {key: nb.metadata[key] for key in NOTEBOOK_METADATA if key in nb.metadata}
    )
    for key in VOLATILE_LANGUAGE_INFO:
        nb.metadata.get("language_info", {}).pop(key, None)
    count = 0
    for position, cell in enumerate(nb.cells):
        cell.id = str(position)
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type != "code":
            continue
        count += 1
        cell.execution_count = count
        cell.outputs = _merge_streams(cell.outputs)
        for output in cell.outputs:
            if output.output_type == "execute_result":
                output.execution_count = count
    return nb


def _merge_streams(outputs: list[NotebookNode]) -> list[NotebookNode]:
    """Join consecutive stream outputs of the same name: how a kernel splits a cell's printing
    into messages depends on timing, what the reader sees does not."""
    merged: list[NotebookNode] = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and output.output_type == "stream"
            and previous.output_type == "stream"
            and previous.name == output.name
        ):
            previous.text += output.text
        else:
            merged.append(output)
    return merged
