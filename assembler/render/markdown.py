"""Templates behind one module (jinja2): the plan and its summary as pandoc Markdown.

Every value a template prints is Markdown-escaped unless it is already rendered
Markdown (a :class:`Markup`), so a title with ``*`` or ``[`` cannot break the
document. Chapter text is data: it is never evaluated as a template.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import jinja2
import jinja2.ext
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from assembler.checks.pipeline import CheckedPlan
from assembler.mentions import normalise
from assembler.models import vocab
from assembler.plan.items import anchor_for
from assembler.plan.markdown_escape import plain
from assembler.plan.project import PLAN_FILE
from assembler.render import authored, columns, czech, images, typography
from assembler.render.documents import lead
from assembler.render.formatting import Formatting
from assembler.render.lookups import Lookups
from assembler.render.prose import Prose
from assembler.render.tables import Tables

# Line ends and runs of plain spaces inside a text printed on one line; not str.split(),
# which would also take the non-breaking spaces the typography rules put in.
_LINE_BREAKS = re.compile(r"[ \t\r\n]+")

_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.M)


def escape(value: object) -> str:
    """Plain text → safe inline Markdown with Czech typography."""
    return plain(typography.czech(str(value)))


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return escape(value)


_LINKABLE = re.compile(r"(?:https?://[\w.-]+(?:/[\w./%?=&#~+-]*)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


def autolink(value: str) -> Markup:
    """An e-mail address or web address as a clickable link; anything else as text."""
    if _LINKABLE.fullmatch(value):
        return Markup(f"<{value}>")
    return Markup(escape(value))


_END = "\ue001"  # stands for the value that follows a piece of template text


class TypesetTemplateText(jinja2.ext.Extension):
    """The templates' own words get the same Czech typography as the authors' text.

    Values printed into a template are typeset by ``escape``; this typesets the
    literal text around them. A piece that ends before a value ("co se v {{ … }}")
    is typeset as if a word followed, so its last one-letter word is bound too.
    """

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        for token in stream:
            if token.type == "data" and token.value.strip():
                value = typography.czech(token.value + _END).removesuffix(_END)
                yield Token(token.lineno, "data", value)
            else:
                yield token


class Renderer:
    """Renders a checked plan through the templates shipped in ``assembler/templates``."""

    def __init__(self, plan: CheckedPlan, linked: bool = True) -> None:
        self.plan = plan
        self.linked = linked
        self._texts = 0  # serial of each rendered text: its footnote labels are its own
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("assembler", "templates"),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # Markdown, not HTML: escaping is done by _finalize
            finalize=_finalize,
            extensions=[TypesetTemplateText],
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # "{#" starts pandoc attributes like {#sen-1-2}; keep it out of jinja's way.
            comment_start_string="{##",
            comment_end_string="##}",
        )
        self.env.filters.update(
            md=self.markdown,
            body=self.body,
            under=self.under,
            money=lambda v: czech.money(v),
            amount=lambda v: czech.number(Decimal(v), 0 if Decimal(v) % 1 == 0 else 2),
            number=lambda v: czech.number(v),
            date=czech.date,
            percent=czech.percent,
            value=czech.measured,
            years=lambda t: czech.years(t.start, t.end),
            inline=lambda v: Markup(_LINE_BREAKS.sub(" ", str(v)).strip()),
            json=lambda v: Markup(json.dumps(str(v), ensure_ascii=False)),
            raw=Markup,
            lead=lambda v: Markup(lead(str(v))),
            autolink=autolink,
        )
        self.env.globals.update(link=self.link, anchor=anchor_for)
        project = plan.project
        self.sources = {c.chapter.code: c.source.path for c in project.chapters}
        self.plan_file = project.root / PLAN_FILE

    def render(self, template: str, **context: Any) -> str:
        """A document template with what templates see, split by what they need:
        ``plan`` looks up items and names, ``fmt`` formats values, ``tables``
        computes budgets and indexes, ``prose`` writes sentences (plus ``context``)."""
        lookups = Lookups(self.plan)
        return self.env.get_template(template).render(
            plan=lookups,
            fmt=Formatting(self.plan.project.info),
            tables=Tables(self.plan),
            prose=Prose(self.plan, lookups),
            **context,
        )

    def markdown(self, text: str | None, chapter: str | None = None) -> Markup:
        """Author Markdown: references as links, then Czech typography over all of it,
        so the titles that references print are typeset like the text around them."""
        if not text:
            return Markup("")
        # A chapter's texts come from its file, the others from plan.yaml: images are
        # looked up from there, as the checker looked them up.
        source = self.sources.get(chapter, self.plan_file) if chapter else self.plan_file
        # References were resolved by the link stage; here they only become links.
        text = self.plan.links.linked(text, chapter).render(self.linked).strip()
        text = images.rooted(text, self.plan.project.root, source)
        rendered = typography.czech(text)
        self._texts += 1
        rendered = columns.content_widths(authored.own_footnotes(rendered, self._texts))
        return Markup(authored.figures(rendered))

    def body(self, text: str, chapter: str | None) -> Markup:
        """A chapter body: its headings sit under the chapter title (level 2 and below)."""
        return self.under(text, chapter, 1)

    def under(self, text: str | None, chapter: str | None, level: int) -> Markup:
        """Author Markdown printed below a heading of ``level``: its headings move down to
        start one level deeper, so the template's next heading (the next measure's
        ``####``) skips no level after them, which PDF/UA would refuse. Levels past 6,
        which Markdown cannot write, stay at 6; that merges levels but skips none."""
        rendered = self.markdown(text, chapter)
        levels = [len(m.group(1)) for m in _HEADING.finditer(rendered)]
        shift = max(0, level + 1 - min(levels)) if levels else 0
        if shift:
            rendered = Markup(
                _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + shift), rendered)
            )
        return rendered

    def link(self, code: str, full: bool = False, chapter: str | None = None) -> Markup:
        target = self.plan.links.target(normalise(code, chapter))
        if target is None:
            return Markup(escape(code))
        label = escape(target.full_label if full else target.label)
        return Markup(f"[{label}](#{target.anchor})" if self.linked else label)


def _yaml_scalar(value: object) -> object:
    """Scaffold templates print YAML: text is double-quoted (JSON strings are valid YAML)."""
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def render_scaffold(template: str, **context: Any) -> str:
    """Render a file of a new plan project (``templates/init``) with YAML-safe values."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("assembler", "templates/init"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_yaml_scalar,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters["raw"] = Markup
    # Text the author is to replace; checks.placeholders reads these marks back out of
    # the templates, so the rule knows every placeholder without a second list.
    env.globals["placeholder"] = Markup
    env.globals["vocab"] = vocab  # the commented choices come from the vocabularies
    return env.get_template(template).render(**context)
