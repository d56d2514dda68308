"""The styles of the shipped DOCX template, named as pandoc names them.

Calibri: Word has it, LibreOffice replaces it by the metric-compatible Carlito;
both cover Czech. Headings and captions in the accent colour of the PDF layout.
Used by ``tools/reference_docx.py``.
"""

from __future__ import annotations

ACCENT = "1F4E79"
FONT = "Calibri"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run_props(
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    color: str | None = None,
    caps: bool = False,
) -> str:
    parts = []
    if bold:
        parts.append("<w:b /><w:bCs />")
    if italic:
        parts.append("<w:i /><w:iCs />")
    if caps:
        parts.append("<w:caps />")
    if color:
        parts.append(f'<w:color w:val="{color}" />')
    if size:
        half = int(size * 2)
        parts.append(f'<w:sz w:val="{half}" /><w:szCs w:val="{half}" />')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def paragraph_style(
    style_id: str,
    name: str,
    based_on: str | None = "Normal",
    next_style: str | None = None,
    ppr: str = "",
    rpr: str = "",
    custom: bool = False,
) -> str:
    custom_attr = ' w:customStyle="1"' if custom else ""
    return (
        f'<w:style w:type="paragraph"{custom_attr} w:styleId="{style_id}">'
        f'<w:name w:val="{name}" />'
        + (f'<w:basedOn w:val="{based_on}" />' if based_on else "")
        + (f'<w:next w:val="{next_style}" />' if next_style else "")
        + "<w:qFormat />"
        + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
        + rpr
        + "</w:style>"
    )


def character_style(style_id: str, name: str, rpr: str, custom: bool = False) -> str:
    custom_attr = ' w:customStyle="1"' if custom else ""
    return (
        f'<w:style w:type="character"{custom_attr} w:styleId="{style_id}">'
        f'<w:name w:val="{name}" /><w:basedOn w:val="DefaultParagraphFont" />{rpr}</w:style>'
    )


def heading(
    level: int,
    size: float,
    before: int,
    after: int,
    page_break: bool = False,
    color: str = ACCENT,
    italic: bool = False,
) -> str:
    # Headings are not hyphenated: a split word in a title reads badly. keepNext keeps
    # each heading on the page of the text that follows it.
    ppr = (
        ("<w:pageBreakBefore />" if page_break else "")
        + "<w:keepNext /><w:keepLines /><w:suppressAutoHyphens />"
        + f'<w:spacing w:before="{before}" w:after="{after}" />'
        + '<w:jc w:val="left" />'
        + f'<w:outlineLvl w:val="{level - 1}" />'
    )
    return paragraph_style(
        f"Heading{level}",
        f"heading {level}",
        next_style="BodyText",
        ppr=ppr,
        rpr=run_props(size, bold=True, italic=italic, color=color),
    )


def styles() -> str:
    border = f'w:val="single" w:sz="6" w:space="0" w:color="{ACCENT}"'
    thin = 'w:val="single" w:sz="2" w:space="0" w:color="BFBFBF"'
    table = (
        '<w:style w:type="table" w:default="1" w:styleId="Table">'
        '<w:name w:val="Table" /><w:basedOn w:val="TableNormal" /><w:qFormat />'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto" />'
        '<w:jc w:val="left" /></w:pPr>'
        f"{run_props(9)}"
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa" />'
        f"<w:tblBorders><w:top {border} /><w:bottom {border} />"
        f"<w:insideH {thin} /></w:tblBorders>"
        '<w:tblCellMar><w:top w:w="40" w:type="dxa" /><w:left w:w="80" w:type="dxa" />'
        '<w:bottom w:w="40" w:type="dxa" /><w:right w:w="80" w:type="dxa" /></w:tblCellMar>'
        "</w:tblPr>"
        '<w:tblStylePr w:type="firstRow">'
        f"{run_props(bold=True, color=ACCENT)}"
        f'<w:tcPr><w:tcBorders><w:bottom {border} /></w:tcBorders><w:shd w:val="clear" '
        'w:color="auto" w:fill="EAF0F6" /><w:vAlign w:val="bottom" /></w:tcPr>'
        "</w:tblStylePr></w:style>"
    )
    body_spacing = '<w:spacing w:before="0" w:after="120" w:line="264" w:lineRule="auto" />'
    parts = [
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}" />'
        '<w:sz w:val="22" /><w:szCs w:val="22" />'
        '<w:lang w:val="cs-CZ" w:eastAsia="cs-CZ" w:bidi="ar-SA" />'
        "</w:rPr></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{body_spacing}</w:pPr></w:pPrDefault></w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal" /><w:qFormat /></w:style>',
        paragraph_style("BodyText", "Body Text", ppr=f'{body_spacing}<w:jc w:val="both" />'),
        paragraph_style("FirstParagraph", "First Paragraph", "BodyText", "BodyText", custom=True),
        paragraph_style(
            "Compact",
            "Compact",
            "BodyText",
            ppr='<w:spacing w:before="20" w:after="20" /><w:jc w:val="left" />',
            custom=True,
        ),
        # documents.LEAD_STYLE: the line under a heading keeps with the text after it.
        paragraph_style(
            "LeadLine",
            "Lead Line",
            "BodyText",
            "BodyText",
            ppr=f'<w:keepNext />{body_spacing}<w:jc w:val="left" />',
            custom=True,
        ),
        paragraph_style(
            "Title",
            "Title",
            next_style="BodyText",
            ppr='<w:spacing w:before="3600" w:after="360" w:line="240" w:lineRule="auto" />'
            '<w:suppressAutoHyphens /><w:jc w:val="left" />',
            rpr=run_props(26, bold=True, color=ACCENT),
        ),
        paragraph_style(
            "Subtitle",
            "Subtitle",
            "Title",
            "BodyText",
            ppr='<w:spacing w:before="0" w:after="240" />',
            rpr=run_props(14, caps=True, color=ACCENT),
        ),
        paragraph_style(
            "Author",
            "Author",
            "Title",
            "BodyText",
            ppr='<w:spacing w:before="0" w:after="120" />',
            rpr=run_props(12, color="000000"),
            custom=True,
        ),
        paragraph_style(
            "Date",
            "Date",
            "Title",
            "BodyText",
            ppr='<w:spacing w:before="0" w:after="120" />',
            rpr=run_props(12, color="000000"),
        ),
        paragraph_style(
            "AbstractTitle",
            "Abstract Title",
            next_style="Abstract",
            ppr='<w:keepNext /><w:pBdr><w:top w:val="single" w:sz="4" w:space="6" '
            'w:color="A6A6A6" /></w:pBdr><w:spacing w:before="1800" w:after="60" />',
            rpr=run_props(9, bold=True),
            custom=True,
        ),
        paragraph_style(
            "Abstract",
            "Abstract",
            next_style="BodyText",
            ppr='<w:keepNext /><w:keepLines /><w:spacing w:before="60" w:after="60" />',
            rpr=run_props(9),
            custom=True,
        ),
        paragraph_style("Bibliography", "Bibliography", custom=True),
        # Each level looks different (as in layout.typ): a monitoring report nests an
        # area (2), "Hodnocení garantů" (3), a measure (4) and the garants' own
        # headings (5, 6).
        heading(1, 18, 0, 240, page_break=True),
        heading(2, 15, 360, 120),
        heading(3, 13, 280, 100),
        heading(4, 11.5, 220, 80),
        heading(5, 11, 200, 60, color="000000"),
        heading(6, 11, 200, 60, color="000000", italic=True),
        paragraph_style(
            "BlockText",
            "Block Text",
            "BodyText",
            "BodyText",
            ppr='<w:pBdr><w:left w:val="single" w:sz="12" w:space="8" '
            f'w:color="{ACCENT}" /></w:pBdr><w:ind w:left="340" />',
        ),
        paragraph_style("FootnoteText", "footnote text", rpr=run_props(9)),
        paragraph_style("FootnoteBlockText", "Footnote Block Text", "FootnoteText", custom=True),
        paragraph_style(
            "DefinitionTerm",
            "Definition Term",
            next_style="Definition",
            ppr="<w:keepNext />",
            rpr=run_props(bold=True),
            custom=True,
        ),
        paragraph_style("Definition", "Definition", custom=True),
        paragraph_style(
            "Caption",
            "caption",
            ppr='<w:spacing w:before="60" w:after="200" /><w:jc w:val="left" />',
            rpr=run_props(9, italic=True),
        ),
        paragraph_style(
            "TableCaption",
            "Table Caption",
            "Caption",
            ppr='<w:keepNext /><w:spacing w:before="240" w:after="80" />',
            custom=True,
        ),
        paragraph_style("ImageCaption", "Image Caption", "Caption", custom=True),
        paragraph_style("Figure", "Figure", ppr='<w:jc w:val="left" />', custom=True),
        # Space before: a chart right under a table was drawn by LibreOffice with a stub
        # of the table's bottom rule at the figure's left edge.
        paragraph_style(
            "CaptionedFigure",
            "Captioned Figure",
            "Figure",
            ppr='<w:keepNext /><w:spacing w:before="160" />',
            custom=True,
        ),
        paragraph_style(
            "TOCHeading",
            "TOC Heading",
            "Heading1",
            "BodyText",
            ppr='<w:outlineLvl w:val="9" />',
        ),
        paragraph_style(
            "TOC1",
            "toc 1",
            next_style="BodyText",
            ppr='<w:spacing w:before="120" w:after="40" />',
            rpr=run_props(bold=True),
        ),
        paragraph_style(
            "TOC2",
            "toc 2",
            next_style="BodyText",
            ppr='<w:spacing w:before="0" w:after="20" /><w:ind w:left="340" />',
        ),
        paragraph_style(
            "Header",
            "header",
            ppr='<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="A6A6A6" />'
            '</w:pBdr><w:spacing w:before="0" w:after="0" /><w:jc w:val="left" />',
            rpr=run_props(8.5, color="595959"),
        ),
        paragraph_style(
            "Footer",
            "footer",
            ppr='<w:spacing w:before="0" w:after="0" /><w:jc w:val="center" />',
            rpr=run_props(9),
        ),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font" /><w:uiPriority w:val="1" /><w:semiHidden />'
        "<w:unhideWhenUsed /></w:style>",
        '<w:style w:type="table" w:styleId="TableNormal"><w:name w:val="Normal Table" />'
        '<w:semiHidden /><w:unhideWhenUsed /><w:tblPr><w:tblInd w:w="0" w:type="dxa" />'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa" /><w:left w:w="108" w:type="dxa" />'
        '<w:bottom w:w="0" w:type="dxa" /><w:right w:w="108" w:type="dxa" /></w:tblCellMar>'
        "</w:tblPr></w:style>",
        table,
        character_style("BodyTextChar", "Body Text Char", "", custom=True),
        character_style(
            "VerbatimChar",
            "Verbatim Char",
            '<w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" /><w:sz w:val="20" /></w:rPr>',
            custom=True,
        ),
        character_style("SectionNumber", "Section Number", "", custom=True),
        character_style(
            "FootnoteReference",
            "footnote reference",
            '<w:rPr><w:vertAlign w:val="superscript" /></w:rPr>',
        ),
        character_style("Hyperlink", "Hyperlink", run_props(color=ACCENT)),
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W}" xmlns:r="{R}">' + "".join(parts) + "</w:styles>"
    )
