"""Files replaced by Converter.convert_file and Glossary.save keep the
permissions, extended attributes and ACL of the file they replace: the
writer is the CLI's (the bianyi-output crate), as tests/cli/tools.rs checks
for the command line. The ACL test needs setfacl and getfacl (apt-get
install acl): skipped without them, a failure under CI=true (.ci/run
installs acl)."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

import pytest

import bianyi
from conftest import IN_CI, REPO

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="ACLs and xattrs as Linux has them")


def writers(folder: pathlib.Path):
    """Each writer of the package, as (name, path it replaces, function)."""
    src = folder / "in.txt"
    src.write_text("頭髮和軟體\n", encoding="utf-8")
    glossary = bianyi.Glossary.load(REPO / "tests/fixtures/glossary.toml")
    conv = bianyi.Converter("t2s")
    return [
        ("convert_file", folder / "out.txt", lambda p: conv.convert_file(src, p)),
        ("convert_file in place", src, lambda p: conv.convert_file(p, p)),
        ("Glossary.save", folder / "g.toml", lambda p: glossary.save(p)),
    ]


def folder_where(probe) -> str | None:
    """A folder (the temporary one, else the Cargo target) where `probe`
    succeeds on a new file: tmpfs may lack user attributes or ACLs."""
    for base in (tempfile.gettempdir(), str(REPO / "target")):
        if not os.path.isdir(base):
            continue
        d = tempfile.mkdtemp(dir=base)
        try:
            path = os.path.join(d, "probe")
            open(path, "w").close()
            if probe(path):
                return base
        except OSError:
            pass
        finally:
            shutil.rmtree(d)
    return None


def replace_each(d: str, prepare, check) -> None:
    """Runs every writer over a file of `d` made by `prepare(path)`, and
    `check(name, path)` after it: the file must have been replaced."""
    for name, path, write in writers(pathlib.Path(d)):
        if not path.exists():
            path.write_text("old\n", encoding="utf-8")
        os.chmod(path, 0o640)
        prepare(path)
        inode = os.stat(path).st_ino
        write(path)
        assert os.stat(path).st_ino != inode, f"{name}: not replaced"
        check(name, path)


def needs(what: str):
    if IN_CI:
        pytest.fail(f"{what} is missing, and CI=true requires it")
    pytest.skip(f"needs {what}")


def test_permissions_and_user_attributes_survive():
    def probe(p):
        os.setxattr(p, "user.probe", b"1")
        return True

    base = folder_where(probe)
    if base is None:
        needs("a file system with user extended attributes")
    def check(name, path):
        assert os.stat(path).st_mode & 0o7777 == 0o640, name
        assert os.getxattr(path, "user.origin") == b"kept", name

    d = tempfile.mkdtemp(dir=base)
    try:
        replace_each(d, lambda p: os.setxattr(p, "user.origin", b"kept"), check)
        assert sorted(os.listdir(d)) == ["g.toml", "in.txt", "out.txt"], "temporary files left"
    finally:
        shutil.rmtree(d)


def test_acls_survive():
    if not (shutil.which("setfacl") and shutil.which("getfacl")):
        needs("setfacl and getfacl (apt-get install acl)")

    def probe(p):
        return subprocess.run(["setfacl", "-m", "u:nobody:r", p], capture_output=True).returncode == 0

    base = folder_where(probe)
    if base is None:
        needs("a file system with POSIX ACLs")

    def getfacl(p) -> str:
        return subprocess.run(
            ["getfacl", "--omit-header", "--absolute-names", str(p)], capture_output=True, text=True, check=True
        ).stdout

    acl = "user::rw-\nuser:nobody:rw-\ngroup::r--\nmask::rw-\nother::---\n\n"
    def prepare(path):
        subprocess.run(["setfacl", "-m", "u:nobody:rw", str(path)], check=True)
        assert getfacl(path) == acl, f"{path} before"

    def check(name, path):
        assert getfacl(path) == acl, name
        # The group bits are the ACL's mask, as before.
        assert os.stat(path).st_mode & 0o777 == 0o660, name

    d = tempfile.mkdtemp(dir=base)
    try:
        replace_each(d, prepare, check)
    finally:
        shutil.rmtree(d)
