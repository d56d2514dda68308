"""Czech explanations of YAML syntax errors, with the usual fix for each.

libyaml reports an error as a context ("while parsing a flow sequence") and a
problem ("did not find expected ',' or ']'"); an explanation applies when all of
its phrases occur in the parser's text. The first match wins, so the specific
entries come before the general ones. Nothing of the English text reaches the user.
"""

from __future__ import annotations

import re

_QUOTES_NOT_CLOSED = (
    "Text v uvozovkách nemá koncovou uvozovku. Najděte nad tímto místem hodnotu, která "
    "začíná uvozovkou (\" nebo '), a stejnou uvozovku doplňte na konec textu."
)

_BACKSLASH = (
    "Zpětné lomítko \\ v textu ve dvojitých uvozovkách (např. cesta C:\\Dokumenty). "
    "Ve dvojitých uvozovkách má \\ zvláštní význam: dejte text do jednoduchých uvozovek "
    "('C:\\Dokumenty'), nebo lomítko zdvojte (\\\\)."
)

_EXPLANATIONS: list[tuple[tuple[str, ...], str]] = [
    (
        ("while scanning a quoted scalar", "found unexpected end of stream"),
        _QUOTES_NOT_CLOSED,
    ),
    (
        ("found unexpected document indicator",),
        "Text v uvozovkách nemá koncovou uvozovku, a tak pokračuje až k řádku ---. "
        "Najděte nad tímto místem hodnotu, která začíná uvozovkou (\" nebo '), a stejnou "
        "uvozovku doplňte na konec textu.",
    ),
    (("found unknown escape character",), _BACKSLASH),
    (("while parsing a quoted scalar", "did not find expected hexdecimal number"), _BACKSLASH),
    (
        ("found a tab character",),
        "Tabulátor v odsazení víceřádkového textu. Odsazujte jen mezerami: tabulátor "
        "nahraďte mezerami (v editoru zapněte „odsazovat mezerami“).",
    ),
    (
        ("while scanning a block scalar",),
        "Za znakem | nebo > (začátek víceřádkového textu) smí na řádku být nanejvýš "
        "komentář. Text napište až na další řádky, odsazené mezerami (popis: | a pod tím "
        'text). Krátký text na jednom řádku dejte místo toho do uvozovek: popis: "Text".',
    ),
    (
        ("did not find expected comment or line break",),
        "Na konci řádku je text navíc, kde smí být jen komentář (#). Přebytečný text "
        "smažte nebo přesuňte na samostatný řádek.",
    ),
    (
        ("did not find expected ',' or ']'",),
        "Seznam v hranatých závorkách (na tomto nebo některém z předchozích řádků) není "
        "uzavřen znakem ], nebo v něm chybí čárka mezi položkami. Pište celý seznam na jeden "
        "řádek: cilove_skupiny: [seniori, pecujici]. Položku s čárkou nebo dvojtečkou dejte "
        "do uvozovek.",
    ),
    (
        ("did not find expected ',' or '}'",),
        "Skupina ve složených závorkách (na tomto nebo některém z předchozích řádků) není "
        "uzavřena znakem }, nebo v ní chybí čárka mezi dvojicemi klíč: hodnota. Pište ji "
        "celou na jeden řádek: {od: 2026, do: 2029}. Hodnotu s čárkou nebo dvojtečkou dejte "
        'do uvozovek: {nazev: "Charita, z. ú."}.',
    ),
    (
        ("while parsing a flow node", "did not find expected node content"),
        "V závorkách chybí hodnota: mezi dvěma čárkami, za poslední čárkou nebo za "
        "dvojtečkou nic není (např. [seniori, , pecujici]). Smažte přebytečnou čárku, "
        "nebo hodnotu doplňte a závorku uzavřete.",
    ),
    (
        ("while parsing a flow mapping",),
        "Chyba uvnitř složených závorek { }. Pište je celé na jeden řádek ve tvaru "
        "{klíč: hodnota, klíč: hodnota}; hodnotu s čárkou nebo dvojtečkou dejte do uvozovek.",
    ),
    (
        ("while parsing a flow sequence",),
        "Chyba uvnitř hranatých závorek [ ]. Pište je celé na jeden řádek ve tvaru "
        "[hodnota, hodnota]; hodnotu s čárkou nebo dvojtečkou dejte do uvozovek.",
    ),
    (
        ("block sequence entries are not allowed in this context",),
        "Pomlčka na nečekaném místě: položky seznamu nemohou být na stejném řádku jako "
        "klíč. Napište seznam do hranatých závorek (cilove_skupiny: [seniori, pecujici]), "
        "nebo každou položku na nový řádek, odsazenou a s pomlčkou. Patří-li pomlčka "
        "k textu, dejte celý text do uvozovek.",
    ),
    (
        ("mapping keys are not allowed in this context",),
        "Hodnota začíná otazníkem a mezerou („? “), což má v YAML zvláštní význam. "
        'Dejte celou hodnotu do uvozovek: nazev: "? Co dál".',
    ),
    (
        ("expected a single document in the stream",),
        "Řádek --- uprostřed souboru začíná v YAML nový dokument. V plan.yaml řádky --- "
        "nepatří (odděluje se jimi jen hlavička kapitoly); smažte jej.",
    ),
    (
        ("did not find expected <document start>",),
        "Tento řádek nenavazuje na předchozí obsah: každý řádek musí mít tvar klíč: hodnota "
        "(nebo být položkou seznamu). Seznam v závorkách [ ] či { } napište za klíč "
        "(realizatori: [CHARITA]); samostatný řádek ... smažte.",
    ),
    (
        ("found incompatible YAML document",),
        "Soubor začíná řádkem %YAML s verzí, kterou program nezná. Řádek %YAML smažte.",
    ),
    (
        ("mapping values are not allowed",),
        "Dvojtečka na nečekaném místě. Pokud hodnota obsahuje dvojtečku, dejte ji do "
        'uvozovek (nazev: "Cíl: podpora"), jinak zkontrolujte odsazení.',
    ),
    (
        ("could not find expected ':'",),
        "Chybí dvojtečka za klíčem, nebo je víceřádkový text špatně odsazen. "
        "Za každým klíčem musí být dvojtečka a mezera (nazev: Senioři).",
    ),
    (
        ("did not find expected key",),
        "Řádek je odsazen jinak než ostatní klíče téže úrovně, nebo za uzavřenými "
        "uvozovkami či závorkou ] nebo } následuje další text. Srovnejte odsazení mezerami; "
        "obsahuje-li hodnota uvozovky uvnitř textu, dejte do uvozovek celou hodnotu.",
    ),
    (
        ("did not find expected '-' indicator",),
        "Položka seznamu je odsazena jinak než ostatní. Každá položka začíná pomlčkou "
        "na stejném odsazení.",
    ),
    (
        ("found unexpected end of stream",),
        'Neukončené uvozovky nebo závorka. Zkontrolujte, že každé otevřené " nebo [ je i zavřené.',
    ),
    (
        ("found character '\\t'",),
        "Tabulátor v odsazení. YAML dovoluje odsazovat jen mezerami.",
    ),
    (
        ("while scanning an alias",),
        "Hodnota začíná hvězdičkou (*). Dejte celou hodnotu do uvozovek.",
    ),
    (
        ("while scanning an anchor",),
        "Hodnota začíná znakem &. Dejte celou hodnotu do uvozovek.",
    ),
    (
        ("found undefined alias",),
        "Hodnota začíná hvězdičkou (*). Dejte celou hodnotu do uvozovek.",
    ),
    (
        ("found character that cannot start any token",),
        "Hodnota začíná znakem, kterým v YAML začínat nesmí (např. @ nebo `). "
        "Dejte celou hodnotu do uvozovek.",
    ),
    (
        ("expected <block end>, but found",),
        "Odsazení nesedí: řádek je odsazen víc nebo méně, než odpovídá jeho úrovni.",
    ),
]

UNCLOSED_QUOTE = (
    "Text v uvozovkách začíná na tomto řádku, ale nekončí: chybí koncová uvozovka {quote}. "
    "Doplňte ji na konec textu (nazev: {quote}Rodiny s dětmi{quote}), nebo uvozovky smažte. "
    "Bez ní program čte jako text i další řádky, až k nejbližší další uvozovce."
)

FALLBACK = (
    "Chyba zápisu YAML na tomto místě. Zkontrolujte odsazení mezerami, dvojtečku a mezeru "
    "za klíčem, uzavření závorek [ ] a { } a uvozovky kolem textu se zvláštními znaky."
)


_CONTROL = re.compile(r"unacceptable character #x([0-9a-fA-F]+)")


def explain(text: str, problem: str | None) -> str:
    """Turn a YAML parser's (English) error into a Czech sentence with a hint how to fix it.

    ``problem`` is the parser's short problem text; it is matched too, but never shown.
    """
    whole = f"{text}\n{problem or ''}"
    if control := _CONTROL.search(whole):
        return (
            f"Soubor obsahuje neviditelný řídicí znak (kód {int(control.group(1), 16):#04x}), "
            "nejspíš zkopírovaný z PDF, Wordu nebo e-mailu. Text vložený z jiného programu "
            "smažte a vložte znovu jako prostý text (v editoru Ctrl+Shift+V), nebo jej "
            "napište ručně."
        )
    for needles, czech in _EXPLANATIONS:
        if all(needle in whole for needle in needles):
            return czech
    return FALLBACK


# Where a quoted value may start: after "key: ", "- ", "[", "{" or ",", or at the start
# of a line. A quote inside plain text (nazev: Klub "Most") starts nothing.
_VALUE_START = re.compile(r"""(?:^\s*|:\s+|-\s+|[\[{,]\s*)(["'])""")
_BLOCK_START = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")
_STRUCTURE = re.compile(r"^\s*(?:#|-\s|[\w-]+:(?:\s|$))")


def unclosed_quote(text: str, error_line: int) -> tuple[int, int, str] | None:
    """The opening quote (0-based line, column, quote) of a quoted value the author did
    not close, when the parser failed at or after it; None when there is none.

    A quoted value may legally continue on the next lines, so a value counts as
    unclosed only when it is still open where the parser gave up, or when its next
    lines look like YAML (keys, list items, comments): text that an author writes
    inside quotes does not, but the lines after a forgotten quote do.
    """
    lines = text.split("\n")
    block_indent: int | None = None
    index = 0
    while index < len(lines) and index <= error_line:
        line = lines[index]
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                index += 1
                continue  # inside a block scalar (| or >): quotes there are text
            block_indent = None
        opened = _open_quote(line)
        if opened is None:
            if _BLOCK_START.search(line):
                block_indent = indent
            index += 1
            continue
        col, quote = opened
        end = _closing_line(lines, index, col, quote)
        spans = lines[index + 1 : end if end is not None else len(lines)]
        if end is None or end >= error_line or any(_STRUCTURE.match(x) for x in spans):
            return index, col, quote
        index = end + 1
    return None


def _open_quote(line: str) -> tuple[int, str] | None:
    """Column and quote of a quoted value left open at the end of ``line``."""
    pos = 0
    while True:
        match = _VALUE_START.search(line, pos)
        if match is None or _in_comment(line, match.start(1)):
            return None
        start, quote = match.start(1), match.group(1)
        end = _scan_quoted(line, start + 1, quote)
        if end is None:
            return start, quote
        pos = end + 1


def _in_comment(line: str, col: int) -> bool:
    head = line[:col]
    return head.lstrip().startswith("#") or " #" in head


def _scan_quoted(line: str, pos: int, quote: str) -> int | None:
    """Index of the closing ``quote`` from ``pos`` on, or None when the line ends first."""
    while pos < len(line):
        char = line[pos]
        if quote == '"' and char == "\\":
            pos += 2
            continue
        if char == quote:
            if quote == "'" and line[pos + 1 : pos + 2] == "'":
                pos += 2  # '' is an apostrophe inside single quotes
                continue
            return pos
        pos += 1
    return None


def _closing_line(lines: list[str], start: int, col: int, quote: str) -> int | None:
    """The line on which the value opened at (start, col) is closed, or None."""
    for index in range(start + 1, len(lines)):
        if _scan_quoted(lines[index], 0, quote) is not None:
            return index
    return None
