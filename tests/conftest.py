"""Shared test configuration."""

from __future__ import annotations

import os
import shutil

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``libreoffice`` skip where soffice/pdftotext are absent, except in CI, where
    .ci/run installs them and their absence is a failure (a skip would hide a broken install)."""
    have = all(shutil.which(tool) for tool in ("soffice", "pdftotext", "pdftoppm"))
    if have:
        return
    if os.environ.get("CI"):
        fail = pytest.mark.usefixtures("_missing_libreoffice_in_ci")
        for item in items:
            if "libreoffice" in item.keywords:
                item.add_marker(fail)
        return
    skip = pytest.mark.skip(reason="needs LibreOffice (soffice) and poppler-utils")
    for item in items:
        if "libreoffice" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def _missing_libreoffice_in_ci() -> None:
    pytest.fail("LibreOffice/poppler missing in CI: .ci/run should have installed them")
