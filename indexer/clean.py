"""Strip site furniture from Indonesian news text, keeping the article's own paragraphs.

Two entry points:

* :func:`clean_page` — a scraped page as plain text: title line, an optional ``<title> - Site``
  line, photo captions, a dateline, body paragraphs with "BACA JUGA: …" lines between them and
  site furniture at the end. Returns the title, the body (paragraphs joined by a blank line)
  and the outlet name if the page reveals it.
* :func:`clean_body` — the same furniture removal for a body that arrives already separated from
  its title (JSONL/CSV records). A body with nothing to remove is returned unchanged (the very
  same string), and the original line structure is kept around anything removed.

A line is furniture only if it matches a furniture pattern as a whole, or starts with a known
label ("Baca juga:", "Penulis:", "Foto:" …). Bodies in the CLICK-ID corpus lost their hyperlinks
and had their paragraphs joined by bare commas, so "Baca juga:,Real paragraph" and
"Foto: credit,Real paragraph" keep the text after the comma (a comma directly followed by a
non-space, non-digit character marks the join).

Everything here is pure and never raises on text input; regexes are compiled at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from indexer.words import SENTENCE_END_CHARS


@dataclass(frozen=True, slots=True)
class CleanPage:
    title: str
    body: str
    source: str | None


# --- patterns -------------------------------------------------------------------------------

_I: Final = re.IGNORECASE

# A line that opens with a label; what follows the label is a headline, a credit or a caption.
_LABEL: Final = re.compile(
    r"""[(\[]?\s*(?:
        (?P<read>
            (?:baca|lihat|simak)(?:\s+(?:juga|pula))?\s*:
          | baca\s+juga(?=\s*(?:,|$))
          | baca\s+selengkapnya(?:\s+di)?\s*(?::|(?=\s*,)|$)
          | (?:berita|artikel)\s+terkait\s*:
          | (?:simak|saksikan|tonton)\s+(?:juga\s+)?video\b[^:\n]{0,150}:
        )
      | (?P<credit>
            (?:editor|penulis|reporter|pewarta|penyunting|redaktur|kontributor|fotografer
              |sumber|tags?|topik|kata\s+kunci|keywords?)\s*:
        )
      | (?P<caption>(?:foto|photo|ilustrasi|gambar|video)\s*:)
    )\s*""",
    _I | re.VERBOSE,
)
# The bare comma the corpus left where a paragraph break (or a hyperlink) was.
_JOIN: Final = re.compile(r",(?=[^\s\d,.)\]])")
_CREDIT_MAX: Final = 80

_FURNITURE: Final = re.compile(
    r"""(?:
        (?:berita|artikel|halaman|postingan)\s+
            (?:sebelumnya|selanjutnya|berikutnya|terkait|lainnya|terpopuler|populer|pilihan)
            \s*[:»›>]?
      | [«‹<]*\s*(?:selanjutnya|sebelumnya|berikutnya|lanjut|next|prev(?:ious)?)\s*[»›>]*
      | halaman\s*:?\s*(?:\d+\s*)+(?:selanjutnya|berikutnya|next|lanjut|»|›|>)?
      | (?:\d+\s+)+(?:selanjutnya|berikutnya|next|lanjut|»|›|>)
      | advertisement|advertorial|iklan|ads|sponsored
      | scroll\s+(?:down\s+)?(?:to|untuk)\s+(?:continue|resume|melanjutkan|lanjut)
            (?:\s+(?:reading|with\s+content|membaca))?
      | lanjutkan\s+(?:membaca|scroll)
      | (?:loading|memuat)\s*(?:\.+|…)?
      | (?:bagikan|share|sebarkan)(?:\s+(?:artikel|berita|this)(?:\s+ini)?)?\s*:?
            (?:\s*(?:facebook|twitter|x|whatsapp|wa|line|telegram|linkedin|pinterest|e-?mail
                |copy\s+link|salin\s+(?:tautan|link)|[|/,•·-]))*
      | (?:follow|ikuti)\b.{0,100}?
            \b(?:instagram|twitter|facebook|tiktok|youtube|google\s+news|whatsapp|telegram
               |linkedin|kami|kanal|channel|saluran)\b.{0,80}
      | ikuti\s+(?:berita|update|perkembangan|akun)\b.{0,160}
      | (?:silakan|silahkan|jangan\s+lupa)\s+(?:baca|simak|ikuti|follow|kunjungi|cek)\b.{0,150}?
            \b(?:lainnya|google\s+news|instagram|twitter|facebook|tiktok|youtube|whatsapp
               |telegram)\b.{0,80}
      | simak\s+(?:juga\s+)?(?:berita|artikel|info(?:rmasi)?|update|kabar)\s+
            (?:lain(?:nya)?|menarik|terbaru|terkini|pilihan|selengkapnya|seputar|hanya|di)\b.{0,150}
      | dapatkan\s+(?:update|informasi|info|berita|kabar|notifikasi)\b.{0,160}
      | (?:berita|artikel)\s+ini\s+(?:telah\s+|sudah\s+)?
            (?:tayang|terbit|dimuat|diterbitkan|ditayangkan)\b.*
      | berita\s+(?:lain(?:nya)?|selengkapnya)\b.{0,150}?
            \b(?:baca|dibaca|simak|disimak|klik)\b.{0,80}
      | klik\s+(?:ke\s+|di\s+)?(?:halaman|link|tautan|di\s*sini|selengkapnya|gambar)\b.{0,160}
      | lihat\s+(?:foto|video|galeri)
      | (?:\#\w+[\s,]*)+(?:with\s+\w+)?
      | (?:©|\(c\)\s|copyright\b|hak\s+cipta\b).{0,150}
    )[\s.!:]*""",
    _I | re.VERBOSE,
)
_FURNITURE_MAX: Final = 300

# Trailing furniture glued to the end of a line by the corpus's comma joins.
_SUFFIX: Final = re.compile(r"[\s,]*(?:loading\s*\.\.\.|\#growfearless\s+with\s+\w+)\s*$", _I)

# Agency / editor initials: "(ant)", "(ant/ ...)", "(*)", "(wan)", "[vvn]", "(sb/is/jay/JPR)".
_INITIALS_BODY: Final = (
    r"[(\[]\s*(?:\*+|[a-z]{2,6}|(?i:ant(?:ara)?)(?:\s*/[^)\]\n]{0,40})?"
    r"|[A-Za-z]{1,10}(?:\s*/\s*[A-Za-z0-9]{1,12})+)\s*[)\]]"
)
_INITIALS_LINE: Final = re.compile(rf"{_INITIALS_BODY}\.?")
_TRAILING_INITIALS: Final = re.compile(
    rf"(?<=[{SENTENCE_END_CHARS}\"”’'])\s*{_INITIALS_BODY}\.?\s*$")
# A reporter byline in capitals on the last line ("ANTARA", "ANDITA RAHMA | BUDIARTI UTAMI").
_BYLINE: Final = re.compile(
    r"[A-Z][A-Z.'’\-]*(?:\s+[A-Z.'’\-]+){0,4}(?:\s*\|\s*[A-Z][A-Z.'’\-]*(?:\s+[A-Z.'’\-]+){0,4}){0,4}"
)

# A caption line that ends in a photo credit: "… terhadap Hamas. Foto: AP Photo/Leo Correa".
_CAPTION_END: Final = re.compile(
    r"(?:^|\s)\(?(?:foto|photo|ilustrasi)\s*:\s*(?P<credit>[^\n]{1,80})$", _I
)
_SENTENCE_IN_CREDIT: Final = re.compile(rf"[{SENTENCE_END_CHARS}]\s+[A-Z][a-z]+\s+[a-z]")

_INLINE_READ: Final = re.compile(
    r"\s*[(\[]\s*(?:baca|lihat|simak)(?:\s+(?:juga|pula))?\s*:[^()\[\]\n]{0,250}[)\]]", _I
)
_INLINE_MARKUP: Final = re.compile(r"\[bacajuga:[^\]\n]*\]\([^)\n]*\)", _I)
_INLINE_MORE: Final = re.compile(
    rf"(?:(?<=[{SENTENCE_END_CHARS}\"”])[ \t]*|[ \t]*,[ \t]*)"
    r"baca\s+selengkapnya(?:\s+di)?[ \t]*:?[ \t]*"
    r"(?:,[ \t]*\.?)?",
    _I,
)
_INLINE_CAPTION: Final = re.compile(r"[ \t]*\(\s*(?:foto|photo|ilustrasi)\s*:[^()\n]{0,120}\)", _I)

_OUTLET: Final = (
    r"(?:[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*\.(?i:com|co|id|net|org|news|tv)(?:\.(?i:id))?"
    r"|CNN\s+Indonesia|CNBC\s+Indonesia|ANTARA(?:\s+News)?|Antara(?:news)?|VIVA)"
)
_OUTLET_RE: Final = re.compile(_OUTLET)
_CITY: Final = r"[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}"
_DATELINE: Final = re.compile(
    rf"""\s*(?:
        {_CITY}\s*,\s*(?P<o1>{_OUTLET})
      | (?P<o2>{_OUTLET})(?:\s*,\s*{_CITY})?
      | [A-Z][A-Z.'’]{{2,}}(?:\s+[A-Z][A-Z.'’]+){{0,3}}
    )\s*(?:\([^)\n]{{1,30}}\)\s*)?(?:--?|–|—)\s+""",
    re.VERBOSE,
)
_TITLE_SITE: Final = re.compile(r"(?P<title>.+?)\s+[-|–—]\s+(?P<site>[^-|–—\n]{2,40})")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\ufeff]")
_HAS_WORD: Final = re.compile(r"\w")
_BLANK_RUNS: Final = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")

# Lower-cased first words that can open a furniture line; other lines are kept without a regex.
_TRIGGER_WORDS: Final = frozenset(
    """baca bacajuga lihat simak saksikan tonton editor penulis reporter pewarta penyunting
    redaktur kontributor fotografer sumber tag tags topik kata keyword keywords foto photo
    ilustrasi gambar video berita artikel halaman postingan selanjutnya sebelumnya berikutnya
    lanjut next prev previous advertisement advertorial iklan ads sponsored scroll lanjutkan
    loading memuat bagikan share sebarkan follow ikuti silakan silahkan jangan dapatkan klik
    copyright hak""".split()
)
_TRIGGER_CHARS: Final = frozenset("([#©«‹<0123456789")
_WORD_LEAD: Final = " \t([«‹<•*-"
_WORD_TAIL: Final = ":,.!…»›>;"
_MAX_LABEL_ROUNDS: Final = 8


# --- line level ---------------------------------------------------------------------------


def _first_word(line: str) -> str:
    head = line.lstrip(_WORD_LEAD)[:24].split(None, 1)
    return head[0].rstrip(_WORD_TAIL).lower() if head else ""


def _may_be_furniture(line: str) -> bool:
    stripped = line.lstrip()
    if not stripped:
        return False
    if stripped[0] in _TRIGGER_CHARS and len(stripped) <= _FURNITURE_MAX:
        return True
    return _first_word(stripped) in _TRIGGER_WORDS


def _looks_captioned(line: str) -> bool:
    return "oto" in line or "OTO" in line or "lustrasi" in line or "hoto" in line


def _is_caption(line: str) -> bool:
    m = _CAPTION_END.search(line)
    return m is not None and not _SENTENCE_IN_CREDIT.search(m.group("credit"))


def _clean_line(line: str) -> str:
    """The line without its furniture ("" when it is all furniture)."""
    text = line.strip()
    for _ in range(_MAX_LABEL_ROUNDS):
        text = _SUFFIX.sub("", text).strip()
        if not text:
            return ""
        m = _LABEL.match(text)
        if m is None:
            break
        rest = text[m.end() :]
        if rest.startswith(","):
            text = rest.lstrip(", ")  # the headline was a link the corpus lost
            if not _HAS_WORD.search(text):
                return ""
            continue
        join = _JOIN.search(rest)
        if join is not None:
            text = rest[join.end() :]  # "label headline,next paragraph"
            continue
        if m.group("credit") and len(rest) > _CREDIT_MAX:
            return text  # "Sumber: …" that runs on like a sentence is not a credit line
        return ""
    if len(text) <= _FURNITURE_MAX and (
        _FURNITURE.fullmatch(text) or _INITIALS_LINE.fullmatch(text)
    ):
        return ""
    return text


def _strip_tail(line: str) -> str:
    """The last paragraph without trailing initials; "" when it is a byline or initials only."""
    text = _SUFFIX.sub("", line).strip()
    if _INITIALS_LINE.fullmatch(text) or (3 <= len(text) <= 80 and _BYLINE.fullmatch(text)):
        return ""
    return _TRAILING_INITIALS.sub("", text)


def _strip_dateline(line: str) -> tuple[str, str | None]:
    m = _DATELINE.match(line)
    if m is None:
        return line, None
    outlet = m.group("o1") or m.group("o2")
    return line[m.end() :], (" ".join(outlet.split()) if outlet else None)


# --- body level ---------------------------------------------------------------------------


def _inline(text: str) -> str:
    low = text.lower()
    if "baca" in low or "lihat" in low or "simak" in low:
        if "bacajuga" in low:
            text = _INLINE_MARKUP.sub("", text)
        text = _INLINE_READ.sub("", text)
        if "selengkapnya" in low:
            text = _INLINE_MORE.sub("\n\n", text)
    if "(foto" in low or "(photo" in low or "(ilustrasi" in low:
        text = _INLINE_CAPTION.sub("", text)
    return text


def _has_inline(text: str) -> bool:
    return any(
        s in text
        for s in (
            "aca juga",
            "aca Juga",
            "ACA JUGA",
            "acajuga",
            "elengkapnya",
            "ihat juga",
            "imak juga",
            "(Foto",
            "(foto",
            "(FOTO",
            "(Photo",
            "(Ilustrasi",
        )
    )


def _has_suffix(text: str) -> bool:
    return "loading..." in text or "#Grow" in text or "#grow" in text


def _clean_lines(lines: list[str], *, page: bool, suffixes: bool) -> tuple[list[str], str | None]:
    """Drop furniture lines, then trim the tail and the dateline. Blank lines stay as ""."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            out.append("")
            continue
        cleaned = line
        if _may_be_furniture(line) or (suffixes and ("loading" in line or "#" in line)):
            cleaned = _clean_line(line)
        if cleaned and page and _looks_captioned(cleaned) and _is_caption(cleaned):
            cleaned = ""
        if cleaned:
            out.append(cleaned)
    _trim_tail(out)
    source = _trim_head(out)
    return out, source


def _last_index(lines: list[str]) -> int:
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip():
            return i
    return -1


def _first_index(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if line.strip():
            return i
    return -1


def _trim_tail(lines: list[str]) -> None:
    while (i := _last_index(lines)) >= 0:
        line = lines[i]
        tail = _strip_tail(line)
        if tail == line:
            return
        if tail:
            lines[i] = tail
            return
        del lines[i:]


def _trim_head(lines: list[str]) -> str | None:
    i = _first_index(lines)
    if i < 0:
        return None
    head = lines[i][:120]
    if not ("-" in head or "–" in head or "—" in head):
        return None
    rest, source = _strip_dateline(lines[i])
    if rest != lines[i]:
        lines[i] = rest
    return source


def clean_body(text: str) -> str:
    """``text`` without site furniture; the same object when there is nothing to remove."""
    if not text:
        return text
    work = _inline(text) if _has_inline(text) else text
    lines = work.split("\n")
    out, _ = _clean_lines(lines, page=False, suffixes=_has_suffix(work))
    if work is text and out == lines:
        return text
    joined = "\n".join(out)
    return _BLANK_RUNS.sub("\n\n", joined).strip()


# --- page level ---------------------------------------------------------------------------


def _split_title_site(line: str) -> tuple[str, str | None]:
    m = _TITLE_SITE.fullmatch(line)
    if m is None:
        return line, None
    site = m.group("site").strip()
    if _OUTLET_RE.fullmatch(site) is None:
        return line, None
    return m.group("title").strip(), site


def clean_page(raw: str) -> CleanPage:
    """Title, body paragraphs (joined by a blank line) and outlet of a scraped page."""
    text = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.strip() for line in text.split("\n")]
    first = _first_index(lines)
    if first < 0:
        return CleanPage(title="", body="", source=None)
    title, source = _split_title_site(lines[first])
    rest = lines[first + 1 :]
    j = _first_index(rest)
    if j >= 0:
        head, site = _split_title_site(rest[j])
        if site is not None and head == title:
            source = source or site
            del rest[j]
    rest = [line for line in rest if line != title and line != lines[first]]
    body_text = "\n".join(rest)
    if _has_inline(body_text):
        body_text = _inline(body_text)
    out, dateline_source = _clean_lines(
        body_text.split("\n"), page=True, suffixes=_has_suffix(body_text)
    )
    paragraphs = [line.strip() for line in out if line.strip()]
    return CleanPage(title=title, body="\n\n".join(paragraphs), source=source or dateline_source)
