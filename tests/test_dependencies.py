"""Installed packages are the pinned ones, and never below the versions with known security fixes."""

from importlib.metadata import PackageNotFoundError, version

import pytest
from packaging.version import Version

from tests.conftest import ROOT

FLOORS = {  # package: first version with the fixes we rely on
    "gradio": "6.20",  # file-route and path-traversal fixes
    "pypdf": "6.0",  # fixes for malicious PDFs (infinite loops, memory exhaustion)
}


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, pinned = line.partition("==")
            assert pinned, f"requirements.txt must pin exact versions: {line!r}"
            found[name.strip()] = pinned.strip()
    return found


@pytest.mark.parametrize(("package", "pinned"), sorted(pins().items()))
def test_each_installed_package_is_its_pinned_version(package, pinned):
    try:
        installed = version(package)
    except PackageNotFoundError:
        pytest.fail(f"{package} is not installed (run: make setup)")
    assert Version(installed).public == Version(pinned).public, f"{package} {installed} is installed, {pinned} pinned"


@pytest.mark.parametrize(("package", "floor"), sorted(FLOORS.items()))
def test_no_package_is_below_its_security_floor(package, floor):
    assert Version(version(package)) >= Version(floor)
    assert Version(pins()[package]) >= Version(floor)
