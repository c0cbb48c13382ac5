"""bianyi: Chinese script and region conversion, detection, glossaries and
alignment, over the Rust libraries of the ``bianyi`` command line.

>>> import bianyi
>>> bianyi.convert("鼠标和软件", config="s2twp")
'滑鼠和軟體'
>>> bianyi.convert("头发和頭髮", to="zh-TW")
'頭髮和頭髮'
>>> conv = bianyi.Converter(to="zh-Hans")
>>> conv.convert_many(["頭髮", "軟體"])
['头发', '软体']
>>> bianyi.detect("软件")["script"]
'simplified'

A :class:`Converter` is immutable and thread-safe; ``convert_many``,
``convert_file`` and ``convert_arrow`` convert on several threads without
the GIL. Errors are :class:`bianyi.Error` subclasses carrying ``file``,
``line``, ``column`` and ``byte``.
"""

from __future__ import annotations

import functools
from typing import Any, List, NamedTuple, Optional, Sequence, Tuple

from . import _bianyi
from ._bianyi import Glossary, configs, detect
from ._errors import ConfigError, DecodeError, Error, FileError, GlossaryError

__all__ = [
    "Bead",
    "ConfigError",
    "Converter",
    "DecodeError",
    "Error",
    "FileError",
    "Glossary",
    "GlossaryError",
    "align",
    "configs",
    "convert",
    "convert_arrow",
    "detect",
    "OPENCC_DATA_VERSION",
]

#: The OpenCC release whose configs and dictionaries are built in.
OPENCC_DATA_VERSION: str = _bianyi.OPENCC_DATA_VERSION


class Converter(_bianyi.Converter):
    """A reusable conversion.

    ``Converter("s2twp")`` or ``Converter(config="s2twp")``: one of OpenCC's
    sixteen configs, exactly as OpenCC 1.4.2 converts. ``Converter(to="zh-TW")``:
    a target (``zh-Hans``, ``zh-Hant``, ``zh-TW``, ``zh-HK``, ``zh-CN``); the
    source's script is detected and correct text is kept, with regional
    vocabulary when ``phrases=True``. Options: ``tofu_risk`` (OpenCC's
    tofu-risk dictionaries), ``corner_quotes`` (“ ” → 「 」), ``glossary``
    (a :class:`Glossary` applied while converting, or a list of them stacked
    as the CLI stacks ``--glossary`` files: later ones win, and a term two
    of them render differently is a ``UserWarning``) with ``terms``
    (``"replace"``, ``"annotate"`` or ``"keep"``) and ``term_lang``, and
    ``threads`` (default: the number of cores) for the batch methods.
    """

    def convert_arrow(self, array: Any, *, threads: Optional[int] = None) -> Any:
        """Converts a pyarrow string array (``string``, ``large_string`` or
        ``string_view``; also a ``ChunkedArray``, or any object with
        ``__arrow_c_array__``) into a new array, without a Python loop:
        the buffers go to Rust, are converted on ``threads`` threads without
        the GIL, and come back as a new array. Nulls stay null. Needs pyarrow.
        """
        from . import _arrow

        return _arrow.convert_arrow(self, array, threads)


@functools.lru_cache(maxsize=64)
def _converter(
    config: Optional[str], to: Optional[str], phrases: bool, tofu_risk: bool, corner_quotes: bool
) -> Converter:
    return Converter(config, to=to, phrases=phrases, tofu_risk=tofu_risk, corner_quotes=corner_quotes)


def convert(
    text: str,
    config: Optional[str] = None,
    *,
    to: Optional[str] = None,
    phrases: bool = False,
    tofu_risk: bool = False,
    corner_quotes: bool = False,
) -> str:
    """Converts ``text`` with an OpenCC ``config`` (default ``s2t``) or to a
    target ``to`` (``zh-TW``, …). The converter is built once per set of
    options and kept."""
    return _converter(config, to, phrases, tofu_risk, corner_quotes).convert(text)


def convert_arrow(array: Any, config: Optional[str] = None, *, to: Optional[str] = None,
                  phrases: bool = False, threads: Optional[int] = None) -> Any:
    """:meth:`Converter.convert_arrow` with a converter of these options."""
    return _converter(config, to, phrases, False, False).convert_arrow(array, threads=threads)


class Bead(NamedTuple):
    """Consecutive source sentences aligned with consecutive target
    sentences (either may be empty), with a confidence in [0, 1]."""

    source: Tuple[int, ...]
    target: Tuple[int, ...]
    score: float


def align(
    source: Sequence[str],
    target: Sequence[str],
    *,
    source_lang: str = "zh",
    target_lang: str = "en",
) -> List[Bead]:
    """Aligns two lists of sentences (a text and its translation or
    conversion) into beads that cover each side once, in order, as
    ``bianyi align`` does. The languages choose the model: zh ↔ en by
    length ratio and anchors, else sentences of similar length.

    >>> beads = align(["起初神创造天地。", "地是空虚混沌。渊面黑暗。"],
    ...               ["In the beginning God created the heaven and the earth.",
    ...                "And the earth was without form, and void; and darkness was upon the face of the deep."])
    >>> [(b.source, b.target) for b in beads]
    [((0,), (0,)), ((1,), (1,))]
    """
    raw = _bianyi._align(list(source), list(target), source_lang, target_lang)
    return [Bead(tuple(s), tuple(t), score) for s, t, score in raw]
