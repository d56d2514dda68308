"""Czech explanations of YAML syntax errors, with the usual fix for each."""

from __future__ import annotations

_EXPLANATIONS = [
    (
        "mapping values are not allowed",
        "Dvojtečka na nečekaném místě. Pokud hodnota obsahuje dvojtečku, dejte ji do "
        'uvozovek (nazev: "Cíl: podpora"), jinak zkontrolujte odsazení.',
    ),
    (
        "could not find expected ':'",
        "Chybí dvojtečka za klíčem, nebo je víceřádkový text špatně odsazen. "
        "Za každým klíčem musí být dvojtečka a mezera (nazev: Senioři).",
    ),
    (
        "did not find expected key",
        "Řádek je odsazen jinak než ostatní klíče téže úrovně. Srovnejte odsazení mezerami.",
    ),
    (
        "did not find expected '-' indicator",
        "Položka seznamu je odsazena jinak než ostatní. Každá položka začíná pomlčkou "
        "na stejném odsazení.",
    ),
    (
        "found unexpected end of stream",
        'Neukončené uvozovky nebo závorka. Zkontrolujte, že každé otevřené " nebo [ je i zavřené.',
    ),
    (
        "found character '\\t'",
        "Tabulátor v odsazení. YAML dovoluje odsazovat jen mezerami.",
    ),
    (
        "while scanning an alias",
        "Hodnota začíná hvězdičkou (*). Dejte celou hodnotu do uvozovek.",
    ),
    (
        "while scanning an anchor",
        "Hodnota začíná znakem &. Dejte celou hodnotu do uvozovek.",
    ),
    (
        "found undefined alias",
        "Hodnota začíná hvězdičkou (*). Dejte celou hodnotu do uvozovek.",
    ),
    (
        "found character that cannot start any token",
        "Hodnota začíná znakem, kterým v YAML začínat nesmí (např. @ nebo `). "
        "Dejte celou hodnotu do uvozovek.",
    ),
    (
        "expected <block end>, but found",
        "Odsazení nesedí: řádek je odsazen víc nebo méně, než odpovídá jeho úrovni.",
    ),
]


def explain(text: str, problem: str | None) -> str:
    """Turn a YAML parser's (English) error into a Czech sentence with a hint how to fix it."""
    for needle, czech in _EXPLANATIONS:
        if needle in text:
            return czech
    problem = problem or text.splitlines()[0]
    return (
        f"Chyba zápisu YAML ({problem}). Zkontrolujte odsazení mezerami, dvojtečku za "
        "klíčem a uvozovky kolem textu se zvláštními znaky."
    )
