"""Shared test configuration."""

from __future__ import annotations

import os
import shutil

import pytest

#: the programs each marker needs
TOOLS = {
    "libreoffice": ("soffice", "pdftotext", "pdftoppm"),
    "poppler": ("pdftotext",),
    "chromium": ("chromium",),
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``libreoffice`` (or ``poppler``, ``chromium``) skip where their programs are absent,
    except in CI, where .ci/run installs them and their absence is a failure (a skip would hide a
    broken install)."""
    for marker, tools in TOOLS.items():
        if all(shutil.which(tool) for tool in tools):
            continue
        if os.environ.get("CI"):
            fail = pytest.mark.usefixtures("_missing_libreoffice_in_ci")
            for item in items:
                if marker in item.keywords:
                    item.add_marker(fail)
            continue
        skip = pytest.mark.skip(reason=f"needs {', '.join(tools)}")
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)


@pytest.fixture
def _missing_libreoffice_in_ci() -> None:
    pytest.fail("LibreOffice/poppler/Chromium missing in CI: .ci/run should have installed them")
