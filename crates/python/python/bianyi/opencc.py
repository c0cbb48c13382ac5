"""A drop-in for the ``opencc`` package (OpenCC 1.4.2's Python binding).

Existing code switches with one import line::

    from bianyi.opencc import OpenCC   # instead of: from opencc import OpenCC

    OpenCC("s2t.json").convert("汉字")  # '漢字'

The results are OpenCC 1.4.2's, from the same dictionaries compiled into
bianyi. Like the ``opencc`` package, ``OpenCC`` uses the tofu-risk
dictionaries unless ``include_tofu_risk_dictionaries=False``. The
``set_conversion`` method and ``conversion`` attribute of
``opencc-python-reimplemented`` (which also installs as ``opencc``) work
too.

Not supported: custom config files and ``resource_zip`` (bianyi reads no
data files; a path whose file name is one of the sixteen configs, such as
``/usr/share/opencc/s2t.json``, means that config).
"""

from __future__ import annotations

import ntpath
import os
from typing import List, Optional

from . import _bianyi
from ._errors import ConfigError

__all__ = ["CONFIGS", "OpenCC", "__version__"]

#: The configs, as file names (``s2t.json``), like ``opencc.CONFIGS``.
CONFIGS: List[str] = [name + ".json" for name in _bianyi.configs()]

#: The OpenCC release whose data and behaviour this module reproduces.
__version__ = _bianyi.OPENCC_DATA_VERSION


def _config_name(config: str) -> str:
    """``s2t``, ``s2t.json`` or a path ending in ``s2t.json`` → ``s2t``."""
    base = ntpath.basename(os.path.basename(config))
    stem = base[:-5] if base.lower().endswith(".json") else base
    if stem in _bianyi.configs():
        return stem
    raise ConfigError(
        f"unknown config {config!r}: bianyi.opencc knows OpenCC's sixteen configs "
        f"({', '.join(_bianyi.configs())}), not custom config files"
    )


class OpenCC:
    """One OpenCC conversion, as ``opencc.OpenCC``."""

    def __init__(
        self,
        config: Optional[str] = "t2s",
        include_tofu_risk_dictionaries: bool = True,
        resource_zip: Optional[str] = None,
    ) -> None:
        if resource_zip is not None:
            raise ConfigError("bianyi.opencc.OpenCC does not read resource_zip: its data is built in")
        self._tofu_risk = include_tofu_risk_dictionaries
        self.set_conversion("t2s" if config is None else config)

    def set_conversion(self, conversion: str) -> None:
        """Switches to another config (``s2t``, ``s2t.json``), as
        ``opencc-python-reimplemented`` does."""
        name = _config_name(conversion)
        self._converter = _bianyi.Converter(name, tofu_risk=self._tofu_risk, threads=1)
        self.conversion = name
        self.config = name + ".json"

    def convert(self, text: str) -> str:
        """The conversion of ``text``."""
        return self._converter.convert(text)

    def __repr__(self) -> str:
        return f"bianyi.opencc.OpenCC({self.config!r})"
