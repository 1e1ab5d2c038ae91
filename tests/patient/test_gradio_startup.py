"""Gradio imported without its type-stub regeneration (faqbot/patient/gradio_startup.py), harmless when gradio
changes."""

import subprocess
import sys

import pytest

from faqbot.patient import gradio_startup
from tests.conftest import ROOT


def test_importing_faqbot_makes_gradio_skip_its_stub_regeneration_and_components_still_work():
    code = ("import faqbot.patient.page, gradio as gr\n"
            "from faqbot.patient.gradio_startup import stubs_skipped\n"
            "assert stubs_skipped()\n"
            "with gr.Blocks() as app:\n"
            "    b = gr.Button('x'); t = gr.Textbox()\n"
            "    b.click(lambda: 'y', outputs=t)\n"
            "assert len(app.fns) == 1\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def fake_gradio(tmp_path, monkeypatch):
    """A package `fakegradio` with a `component_meta` module written by the test, and the hook aimed at it."""
    package = tmp_path / "fakegradio"
    package.mkdir()
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(gradio_startup, "MODULE", "fakegradio.component_meta")
    installed = [f for f in sys.meta_path if isinstance(f, gradio_startup._Finder)]  # the real one, if gradio
    for finder in installed:  # isn't imported yet in this test process
        sys.meta_path.remove(finder)
    yield package / "component_meta.py"
    for name in ("fakegradio", "fakegradio.component_meta"):
        sys.modules.pop(name, None)
    sys.meta_path[:] = installed + [f for f in sys.meta_path if not isinstance(f, gradio_startup._Finder)]


def test_the_stub_writer_is_replaced_once_its_module_has_run(fake_gradio):
    fake_gradio.write_text("def create_or_modify_pyi(*a):\n    raise AssertionError('wrote stubs')\n"
                           "def make_component():\n    create_or_modify_pyi('Button')\n    return 'Button'\n")
    assert gradio_startup.skip_stub_regeneration()
    import fakegradio.component_meta as meta

    assert meta.make_component() == "Button"  # the module's own calls reach the no-op
    assert "def make_component" in meta.__loader__.get_source("fakegradio.component_meta")  # tracebacks, inspect
    assert not any(isinstance(f, gradio_startup._Finder) for f in sys.meta_path)  # one shot


def test_a_gradio_without_the_stub_writer_imports_unchanged(fake_gradio):
    fake_gradio.write_text("VALUE = 1\n")
    assert gradio_startup.skip_stub_regeneration()
    import fakegradio.component_meta as meta

    assert meta.VALUE == 1 and not hasattr(meta, "create_or_modify_pyi")


def test_once_the_module_is_imported_it_is_too_late_and_nothing_is_installed(fake_gradio):
    fake_gradio.write_text("")
    import fakegradio.component_meta  # noqa: F401

    assert not gradio_startup.skip_stub_regeneration()
    assert not any(isinstance(f, gradio_startup._Finder) for f in sys.meta_path)
