"""escape() gives what html.escape(text, quote=True) gives, without importing html."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from hiptimer.ui.widgets.plain import escape

MARKUP = st.sampled_from([*"&<>\"'; #x", "&amp;", "&lt;", "&#x27;", "\u05d0", "\U0001f600"])


@given(st.lists(st.one_of(MARKUP, st.text(max_size=8)), max_size=12).map("".join))
def test_escape_is_html_escape(text: str) -> None:
    assert escape(text) == html.escape(text, quote=True)


def test_every_special_character() -> None:
    assert escape('<a href="x">Tom & Jerry\'s</a>') == (
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt;"
    )
