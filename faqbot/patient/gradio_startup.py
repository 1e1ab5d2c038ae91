"""Gradio without its import-time type-stub regeneration: about half of `import gradio`, and of a cold start.

Every time gradio is imported, each component class (~40) re-reads its own source file, parses it with `ast`,
renders a Jinja template of its event methods and rewrites `<component>.pyi` in site-packages if the text differs
(`gradio.component_meta.create_or_modify_pyi`). Those stubs only serve IDEs and type checkers; nothing at run
time reads them. Measured here: `import gradio` 2.6-2.9 s with it, 1.25-1.4 s without.

`skip_stub_regeneration()` installs a one-shot import hook that replaces that function with a no-op as soon as
`gradio.component_meta` has run, before any component class is made. If a gradio release renames or drops the
function, the hook does nothing (gradio imports as usual, only slower). `faqbot/__init__.py` installs it, so it
is in place before any part of faqbot imports gradio.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

MODULE = "gradio.component_meta"
FUNCTION = "create_or_modify_pyi"


def _no_stubs(*args: object, **kwargs: object) -> None:
    """Stands in for gradio's stub writer: components are made exactly as before, no .pyi is read or written."""


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> object:  # get_source, get_code, is_package...: the file loader's own
        return getattr(self.inner, name)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.inner.exec_module(module)
        if callable(getattr(module, FUNCTION, None)):
            setattr(module, FUNCTION, _no_stubs)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path, target=None) -> importlib.machinery.ModuleSpec | None:
        if name != MODULE:
            return None
        sys.meta_path.remove(self)  # one shot
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _PatchingLoader(spec.loader)
        return spec


def skip_stub_regeneration() -> bool:
    """Install the hook; False when gradio is already imported (too late) or the hook is already installed."""
    if MODULE in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return False
    sys.meta_path.insert(0, _Finder())
    return True


def stubs_skipped() -> bool:
    """Whether the imported gradio skips its stub regeneration."""
    module = sys.modules.get(MODULE)
    return module is not None and getattr(module, FUNCTION, None) is _no_stubs
