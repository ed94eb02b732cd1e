import subprocess
import sys
import tomllib
from pathlib import Path

import gov_disclosure

ROOT = Path(__file__).parents[2]


def test_version_matches_metadata() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert gov_disclosure.__version__ == pyproject["project"]["version"]


def test_public_api_is_unique_and_importable() -> None:
    names = gov_disclosure.__all__  # its order is ruff's (RUF022)
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(gov_disclosure, name), name


def test_core_does_not_import_format_libraries() -> None:
    code = (
        "import sys, gov_disclosure, gov_disclosure.cli; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'openpyxl', 'docx', 'lxml', 'hypothesis'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_py_typed_is_shipped() -> None:
    assert (ROOT / "src" / "gov_disclosure" / "py.typed").exists()
