"""Type stubs of the extension module (crates/python/src)."""

import os
from typing import Any, List, Optional, Sequence, Tuple, Union

_Path = Union[str, "os.PathLike[str]"]

OPENCC_DATA_VERSION: str

class Converter:
    def __init__(
        self,
        config: Optional[str] = None,
        *,
        to: Optional[str] = None,
        phrases: bool = False,
        tofu_risk: bool = False,
        corner_quotes: bool = False,
        glossary: Union[Glossary, Sequence[Glossary], None] = None,
        terms: str = "replace",
        term_lang: Optional[str] = None,
        threads: Optional[int] = None,
    ) -> None: ...
    def convert(
        self,
        text: str,
        *,
        glossary: Union[Glossary, Sequence[Glossary], None] = None,
        terms: str = "replace",
        term_lang: Optional[str] = None,
    ) -> str: ...
    def convert_many(self, texts: List[str], *, threads: Optional[int] = None) -> List[str]: ...
    def convert_file(self, src: _Path, dst: _Path, *, threads: Optional[int] = None) -> Tuple[int, int]: ...
    @property
    def name(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def threads(self) -> int: ...

class Glossary:
    @staticmethod
    def load(
        path: _Path,
        format: Optional[str] = None,
        *,
        source_lang: Optional[str] = None,
        target_lang: Optional[str] = None,
    ) -> Glossary: ...
    @staticmethod
    def parse(
        text: str,
        format: str = "toml",
        *,
        source_lang: Optional[str] = None,
        target_lang: Optional[str] = None,
    ) -> Glossary: ...
    def render(
        self, format: str = "toml", *, source_lang: Optional[str] = None, target_lang: Optional[str] = None
    ) -> str: ...
    def save(
        self,
        path: _Path,
        format: Optional[str] = None,
        *,
        source_lang: Optional[str] = None,
        target_lang: Optional[str] = None,
    ) -> None: ...
    def entries(self) -> List[dict[str, Any]]: ...
    @property
    def source_lang(self) -> Optional[str]: ...
    @property
    def target_lang(self) -> Optional[str]: ...
    def __len__(self) -> int: ...

def detect(text: str) -> dict[str, Any]: ...
def configs() -> List[str]: ...
def _align(
    source: List[str], target: List[str], source_lang: str, target_lang: str
) -> List[Tuple[List[int], List[int], float]]: ...
def _convert_arrow_buffers(
    converter: Converter,
    offsets: bytes,
    data: bytes,
    validity: Optional[bytes],
    offset: int,
    length: int,
    large: bool,
    threads: Optional[int] = None,
) -> Tuple[bool, bytes, bytes, Optional[bytes]]: ...
