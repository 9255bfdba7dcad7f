"""The parts of a DOCX besides its text, written from scratch: a clean base a clerk can edit in Word or WPS.

Nothing is inherited from another program's template: the styles are those the report uses and no other,
the font table declares exactly the fonts the document names (with the names Word and WPS fall back to
on a computer that lacks them), there is no theme, and the application is govform. Word 2013 and later
open it in their own mode (compatibility mode 15), not in 兼容模式.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from typing import BinaryIO, NamedTuple
from xml.sax.saxutils import escape, quoteattr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Text as XML 1.0 and UTF-8 can carry it: control characters dropped (a pasted \\v, \\r, \\x07…), a lone
    surrogate (which no file can store) as the replacement character U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", _NOT_XML.sub("", text))


def text_xml(text: str) -> str:
    """Text for an XML element's content."""
    return escape(clean(text))


def attribute_xml(text: str) -> str:
    """Text for an XML attribute, quotes included."""
    return quoteattr(clean(text).replace("\n", " ").replace("\t", " "))


# -- fonts ------------------------------------------------------------------------------------------


class FontFacts(NamedTuple):
    """What the font table says of a font, so Word and WPS substitute sensibly where it is missing."""

    alt_name: str | None  # the font to use instead (仿宋_GB2312 → 仿宋, on Windows since Vista)
    panose: str  # PANOSE-1 classification, 10 bytes in hex
    family: str  # roman, swiss, modern, script, decorative or auto
    pitch: str  # fixed or variable


GB2312_CHARSET = "86"  # the Windows character set of Simplified Chinese fonts (GB2312)
FONT_FACTS: Mapping[str, FontFacts] = {
    "仿宋_GB2312": FontFacts("仿宋", "02010609030101010101", "modern", "fixed"),
    "楷体_GB2312": FontFacts("楷体", "02010609030101010101", "modern", "fixed"),
    "方正小标宋简体": FontFacts("宋体", "02000000000000000000", "auto", "variable"),
    "黑体": FontFacts("SimHei", "02010609060101010101", "modern", "fixed"),
    "宋体": FontFacts("SimSun", "02010600030101010101", "auto", "variable"),
    "仿宋": FontFacts("FangSong", "02010609060101010101", "modern", "fixed"),
    "楷体": FontFacts("KaiTi", "02010609060101010101", "modern", "fixed"),
}
"""The fonts govform's presets name. A font outside this list is declared as a Chinese font without an alternative."""


def font_table(fonts: Iterable[str]) -> str:
    """word/fontTable.xml declaring each of `fonts` (in order, once)."""
    entries = []
    for name in dict.fromkeys(fonts):
        facts = FONT_FACTS.get(name, FontFacts(None, "02010600030101010101", "auto", "variable"))
        alt = f"<w:altName w:val={attribute_xml(facts.alt_name)}/>" if facts.alt_name else ""
        entries.append(
            f'<w:font w:name={attribute_xml(name)}>{alt}<w:panose1 w:val="{facts.panose}"/>'
            f'<w:charset w:val="{GB2312_CHARSET}"/><w:family w:val="{facts.family}"/>'
            f'<w:pitch w:val="{facts.pitch}"/></w:font>'
        )
    return f"{DECLARATION}<w:fonts {NAMESPACES}>{''.join(entries)}</w:fonts>"


# -- styles -----------------------------------------------------------------------------------------


class Style(NamedTuple):
    """A paragraph style: its id, the name Word shows, and its paragraph and run properties (XML)."""

    style_id: str
    name: str
    paragraph: str
    run: str
    based_on: str | None = "Normal"


def styles(defaults_run: str, defaults_paragraph: str, paragraph_styles: Iterable[Style]) -> str:
    """word/styles.xml: the document defaults and the given paragraph styles, nothing else."""
    parts = [
        f"<w:docDefaults><w:rPrDefault><w:rPr>{defaults_run}</w:rPr></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{defaults_paragraph}</w:pPr></w:pPrDefault></w:docDefaults>"
    ]
    for style in paragraph_styles:
        default = ' w:default="1"' if style.based_on is None else ""
        parent = f'<w:basedOn w:val="{style.based_on}"/>' if style.based_on else ""
        parts.append(
            f'<w:style w:type="paragraph"{default} w:styleId="{style.style_id}">'
            f"<w:name w:val={attribute_xml(style.name)}/>{parent}"
            f'<w:next w:val="Normal"/><w:qFormat/><w:pPr>{style.paragraph}</w:pPr><w:rPr>{style.run}</w:rPr></w:style>'
        )
    return f"{DECLARATION}<w:styles {NAMESPACES}>{''.join(parts)}</w:styles>"


# -- theme ----------------------------------------------------------------------------------------

_OFFICE_COLOURS = (
    ("dk1", "000000"), ("lt1", "FFFFFF"), ("dk2", "44546A"), ("lt2", "E7E6E6"), ("accent1", "4472C4"),
    ("accent2", "ED7D31"), ("accent3", "A5A5A5"), ("accent4", "FFC000"), ("accent5", "5B9BD5"),
    ("accent6", "70AD47"), ("hlink", "0563C1"), ("folHlink", "954F72"),
)  # fmt: skip


def theme(heading_font: str, body_font: str) -> str:
    """word/theme/theme1.xml: Word's usual colours, and as theme fonts the report's own (nothing in the
    document refers to them; a clerk who picks "body" or "headings" fonts in Word gets the report's)."""
    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350">{solid}</a:ln>'
    colours = "".join(f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>' for name, value in _OFFICE_COLOURS)

    def font(name: str) -> str:
        face = attribute_xml(name)
        return f'<a:latin typeface={face}/><a:ea typeface={face}/><a:cs typeface=""/>'

    return (
        f'{DECLARATION}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="govform">'
        f'<a:themeElements><a:clrScheme name="govform">{colours}</a:clrScheme>'
        f'<a:fontScheme name="govform"><a:majorFont>{font(heading_font)}</a:majorFont>'
        f"<a:minorFont>{font(body_font)}</a:minorFont></a:fontScheme>"
        f'<a:fmtScheme name="govform"><a:fillStyleLst>{solid * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{solid * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )


# -- settings and properties ---------------------------------------------------------------------------

SETTINGS = (
    f"{DECLARATION}<w:settings {NAMESPACES}>"
    '<w:zoom w:percent="100"/>'
    '<w:defaultTabStop w:val="420"/>'
    "<w:evenAndOddHeaders/>"
    # GB/T 9704's 28 characters a line: full-width punctuation keeps its full width.
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
    "</w:settings>"
)


def core_properties(title: str, author: str, when: dt.datetime) -> str:
    """docProps/core.xml: title, author and dates (the agency writes the report; govform is the application)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{DECLARATION}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{text_xml(title)}</dc:title><dc:creator>{text_xml(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{text_xml(author)}</cp:lastModifiedBy><dc:language>zh-CN</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


APP_PROPERTIES = (
    f"{DECLARATION}<Properties "
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>govform</Application><DocSecurity>0</DocSecurity></Properties>"
)


# -- the package ------------------------------------------------------------------------------------

_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PARTS = ("word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/theme/theme1.xml", "docProps/core.xml")
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_package(out: BinaryIO, document: str, footers: Sequence[str], parts: Mapping[str, str]) -> None:
    """Write the DOCX to `out`: word/document.xml, word/footer1.xml… (referenced from the document as
    rIdFooter1…), and the `parts` named in PARTS (docProps/app.xml too, if given)."""
    footer_names = [f"word/footer{index}.xml" for index, _ in enumerate(footers, start=1)]
    types = {
        "word/document.xml": f"{_TYPE}.document.main+xml",
        "word/styles.xml": f"{_TYPE}.styles+xml",
        "word/settings.xml": f"{_TYPE}.settings+xml",
        "word/fontTable.xml": f"{_TYPE}.fontTable+xml",
        "word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
        **dict.fromkeys(footer_names, f"{_TYPE}.footer+xml"),
        "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    content_types = (
        f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, kind in types.items())
        + "</Types>"
    )
    package_rels = _relationships(
        [
            ("rIdDocument", f"{_REL}/officeDocument", "word/document.xml"),
            (
                "rIdCore",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            ("rIdApp", f"{_REL}/extended-properties", "docProps/app.xml"),
        ]
    )
    document_rels = _relationships(
        [
            ("rIdStyles", f"{_REL}/styles", "styles.xml"),
            ("rIdSettings", f"{_REL}/settings", "settings.xml"),
            ("rIdFontTable", f"{_REL}/fontTable", "fontTable.xml"),
            ("rIdTheme", f"{_REL}/theme", "theme/theme1.xml"),
            *(
                (f"rIdFooter{index}", f"{_REL}/footer", f"footer{index}.xml")
                for index in range(1, len(footer_names) + 1)
            ),
        ]
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", package_rels)
        package.writestr("word/document.xml", document)
        package.writestr("word/_rels/document.xml.rels", document_rels)
        for name, footer in zip(footer_names, footers, strict=True):
            package.writestr(name, footer)
        for name in PARTS:
            package.writestr(name, parts[name])
        package.writestr("docProps/app.xml", parts.get("docProps/app.xml", APP_PROPERTIES))


def _relationships(entries: Iterable[tuple[str, str, str]]) -> str:
    rels = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in entries)
    return f'{DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
