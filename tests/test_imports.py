"""Each command imports only the libraries it uses: `plan check` runs many times a day,
and importing the document and workbook libraries cost it more than half a second."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the sample plan
# Libraries only documents, charts and workbooks need (numpy comes with openpyxl and
# matplotlib); babel and ICU are for printing numbers, dates and sorted lists.
NOT_FOR_CHECK = ["openpyxl", "numpy", "matplotlib", "jinja2", "pypandoc", "typst", "PIL"]
NOT_FOR_CHECK += ["fontTools", "watchfiles", "icu", "babel", "defusedxml"]

_RUN = """
import json, sys
from assembler.cli.main import main
code = main(["check", sys.argv[1]])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_plan_check_imports_no_document_or_workbook_library(tmp_path: Path) -> None:
    env = {**os.environ, "PLAN_CACHE_DIR": str(tmp_path / "cache")}
    for run in ("first run", "parse cache filled"):
        done = subprocess.run(
            [sys.executable, "-c", _RUN, str(ROOT)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
            timeout=120,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        assert result["code"] == 0, (run, done.stdout)
        loaded = {name.split(".")[0] for name in result["modules"]}
        assert "pydantic" in loaded and "_ruamel_yaml" in loaded  # it did check the plan
        assert not loaded & set(NOT_FOR_CHECK), run
