"""The catalogue of rules: every problem the assembler reports has a stable code here.

Codes are Czech without diacritics because coordinators type them into
``plan.yaml`` (``pravidla:``) to change a rule's severity. ``docs/pravidla.md`` is
generated from this table (``plan schema``) and a test keeps it in sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """Severity as written in ``plan.yaml``."""

    ERROR = "chyba"
    WARNING = "varovani"
    OFF = "vypnuto"


@dataclass(frozen=True)
class Rule:
    code: str
    level: Level
    group: str
    summary: str
    # Rules about reading files and their structure cannot be relaxed: without a
    # readable, well-formed chapter there is nothing to build from.
    configurable: bool = True


E, W = Level.ERROR, Level.WARNING
_READ, _SCHEMA, _PLAN, _REFS, _PUBLIC, _OUT, _MON, _BOOK = (
    "Čtení souborů",
    "Struktura hlavičky",
    "Pravidla plánu",
    "Odkazy a rejstříky",
    "Veřejná verze",
    "Výstupy",
    "Monitoring",
    "Sešity monitoringu",
)

_CATALOGUE = [
    Rule("kodovani", E, _READ, "Soubor není v kódování UTF-8 (např. Windows-1250).", False),
    Rule("prazdny-soubor", E, _READ, "Soubor je prázdný.", False),
    Rule("prilis-velky-soubor", E, _READ, "Soubor je větší, než je rozumné pro kapitolu.", False),
    Rule(
        "neni-soubor",
        E,
        _READ,
        "Pod jménem souboru plánu je složka, roura, zařízení nebo odkaz mimo složku plánu.",
        False,
    ),
    Rule("soubor-necitelny", E, _READ, "Soubor nelze přečíst (oprávnění, zámek).", False),
    Rule(
        "ridici-znak",
        E,
        _READ,
        "Text obsahuje neviditelný řídicí znak (i zapsaný v YAML zpětným lomítkem, \\e).",
        False,
    ),
    Rule("hlavicka-chybi", E, _READ, "Kapitola nezačíná hlavičkou YAML mezi řádky ---.", False),
    Rule("hlavicka-neuzavrena", E, _READ, "Hlavička YAML není ukončena řádkem ---.", False),
    Rule("yaml-syntaxe", E, _READ, "Chyba zápisu YAML (odsazení, dvojtečky, uvozovky).", False),
    Rule("yaml-tabulator", E, _READ, "Odsazení tabulátorem; YAML dovoluje jen mezery.", False),
    Rule("yaml-duplicitni-klic", E, _READ, "Stejný klíč je v jedné úrovni uveden dvakrát.", False),
    Rule("yaml-kotva", E, _READ, "Kotvy a aliasy YAML (&, *) nejsou povoleny.", False),
    Rule("yaml-hloubka", E, _READ, "Hlavička je zanořená hlouběji, než dává smysl.", False),
    Rule("yaml-znacka", E, _READ, "Značka YAML (!!…, !…) mimo základní schéma.", False),
    Rule(
        "skryta-pripona",
        E,
        _READ,
        "Kapitola, hlášení nebo plan.yaml má navíc příponu .txt (10-seniori.yaml.txt).",
        False,
    ),
    Rule(
        "cizi-soubor",
        W,
        _READ,
        "Mezi kapitolami nebo hlášeními leží dokument či sešit (.docx, .xlsx), který se nenačte.",
    ),
    Rule("zadne-kapitoly", E, _READ, "Ve složce chapters/ není žádná kapitola.", False),
    Rule("chybi-plan", E, _READ, "Ve složce projektu chybí soubor plan.yaml.", False),
    Rule("neznamy-klic", E, _SCHEMA, "Klíč, který formát nezná (často překlep).", False),
    Rule("chybi-klic", E, _SCHEMA, "Chybí povinný klíč.", False),
    Rule("spatna-hodnota", E, _SCHEMA, "Hodnota má špatný typ nebo tvar.", False),
    Rule("ico", E, _PLAN, "IČO nemá 8 číslic nebo nesedí jeho kontrolní číslice."),
    Rule(
        "castka",
        E,
        _SCHEMA,
        "Částka není nezáporné číslo s nejvýše dvěma desetinnými místy.",
        False,
    ),
    Rule("duplicitni-kod", E, _PLAN, "Stejný kód je v plánu použit dvakrát."),
    Rule(
        "kod-nesouhlasi", E, _PLAN, "Kód opatření, aktivity nebo indikátoru nesedí k nadřazenému."
    ),
    Rule("rok-mimo-obdobi", E, _PLAN, "Rok leží mimo období plánu."),
    Rule("harmonogram", E, _PLAN, "Harmonogram končí dřív, než začíná."),
    Rule("vychozi-rok", E, _PLAN, "Výchozí hodnota indikátoru je z roku po začátku plánu."),
    Rule("cilova-hodnota-smer", E, _PLAN, "Cílová hodnota jde proti směru „vyšší je lepší“."),
    Rule("neznamy-zdroj", E, _PLAN, "Zdroj financování není v seznamu zdrojů plánu."),
    Rule("chybi-garant", E, _PLAN, "Opatření nemá garanta."),
    Rule("chybi-indikator", E, _PLAN, "Opatření nemá žádný indikátor."),
    Rule("chybi-naklady", E, _PLAN, "Pro rok harmonogramu chybí předpokládané náklady."),
    Rule("naklady-mimo-harmonogram", W, _PLAN, "Náklady jsou uvedeny na rok mimo harmonogram."),
    Rule("neznama-organizace", E, _PLAN, "Klíč organizace není v registru organizací."),
    Rule("duplicitni-uzemi", E, _PLAN, "Klíč obce nebo lokality je v registru území dvakrát."),
    Rule("nezname-uzemi", E, _PLAN, "Území opatření nebo služby není v registru území."),
    Rule("uzemi-sluzby", W, _PLAN, "Služba působí mimo území svého opatření."),
    Rule("neznama-obec", E, _PLAN, "Lokalita nebo podíl na nákladech uvádí neregistrovanou obec."),
    Rule("podil-obci-nesedi", E, _PLAN, "Podíl obcí na nákladech nedává částku ze zdroje obec."),
    Rule("neznamy-paragraf", E, _PLAN, "Druh služby (§) není v zákoně o sociálních službách."),
    Rule("identifikator-sluzby", W, _PLAN, "Identifikátor služby nemá 7 číslic."),
    Rule("neznama-cilova-skupina", E, _PLAN, "Cílová skupina není ve slovníku plánu."),
    Rule("neznamy-spolecny-cil", E, _PLAN, "Společný cíl není definován v plan.yaml."),
    Rule("osnova-chybi-soubor", E, _PLAN, "Osnova uvádí soubor, který neexistuje."),
    Rule("osnova-neuvadi-soubor", E, _PLAN, "Kapitola ve složce chapters/ není v osnově."),
    Rule("osnova-duplicita", E, _PLAN, "Položka osnovy je uvedena vícekrát."),
    Rule("zakon-obsah", W, _PLAN, "Plánu chybí náležitost podle § 3 písm. h) zákona."),
    Rule("schvaleni", E, _PLAN, "Schválený plán nemá údaje o usnesení."),
    Rule("odkaz-neznamy", E, _REFS, "Odkaz míří na kód, který v plánu není."),
    Rule("odkaz-zruseny", W, _REFS, "Odkaz míří na zrušenou nebo vyřazenou položku."),
    Rule("odkaz-nejednoznacny", E, _REFS, "Kód odkazu patří více položkám plánu."),
    Rule("odkaz-sam-na-sebe", W, _REFS, "Položka odkazuje sama na sebe."),
    Rule("odkaz-zapis", E, _REFS, "Odkaz [[…]] je zapsán chybně."),
    Rule("zkratka-neznama", W, _REFS, "Text používá zkratku, která není v seznamu zkratek."),
    Rule(
        "datum-castka-zapis",
        W,
        _PLAN,
        "Datum nebo částka je zapsána bez mezer (12.3.2026, 1250000 Kč); výstupy ji vytisknou "
        "česky (12. 3. 2026, 1 250 000 Kč).",
    ),
    Rule("shrnuti-chybi", W, _PUBLIC, "Kapitole chybí shrnutí pro veřejnost."),
    Rule("shrnuti-dlouhe", W, _PUBLIC, "Shrnutí pro veřejnost je příliš dlouhé."),
    Rule("shrnuti-zkratka", W, _PUBLIC, "Shrnutí pro veřejnost používá nevysvětlenou zkratku."),
    Rule("vzorovy-text", W, _PUBLIC, "Text ze šablony nové kapitoly nebo plánu nebyl nahrazen."),
    Rule(
        "verejne-kontakty",
        W,
        _PUBLIC,
        "Veřejná verze nemá žádnou organizaci, na kterou se obrátit.",
    ),
    Rule("obrazek-bez-popisu", E, _PUBLIC, "Obrázek nemá alternativní text."),
    Rule("obrazek-mimo-projekt", E, _OUT, "Obrázek neleží ve složce projektu nebo neexistuje."),
    Rule("nahled-selhal", E, _OUT, "Náhled (plan watch) se nepodařilo obnovit.", False),
    Rule(
        "vystup-selhal",
        E,
        _OUT,
        "pandoc nebo Typst odmítl obsah, který kontrola přijala; hlášení jmenuje kapitolu.",
        False,
    ),
    Rule(
        "obrazek-obsah",
        E,
        _OUT,
        "Soubor obrázku není podle obsahu PNG, JPEG ani bezpečné SVG.",
        False,
    ),
    Rule("obrazek-zapis", E, _OUT, "Obrázek je zapsán odkazem na definici nebo s mezerou.", False),
    Rule(
        "odkaz-adresa",
        E,
        _OUT,
        "Odkaz nemá adresu https, http, mailto ani tel (např. javascript:, file:, soubor).",
        False,
    ),
    Rule("nadpis-preskakuje", E, _OUT, "Nadpis přeskakuje úroveň (## a hned ####).", False),
    Rule(
        "znak-bez-pisma",
        E,
        _OUT,
        "Znak, který PDF nevytiskne: žádné písmo plánu jej nemá (emoji, CJK), v kterékoli hodnotě.",
        False,
    ),
    Rule(
        "nadpis-uroven",
        W,
        _OUT,
        "Nadpis # v poli hlavičky nebo hlášení (popis, hodnocení) se tiskne jako ##.",
    ),
    Rule(
        "nadpis-v-radku",
        W,
        _OUT,
        "Nadpis v poli, které se tiskne v jednom řádku (popis aktivity), se vytiskne jako text.",
    ),
    Rule("vnoreni-hloubka", E, _OUT, "Seznam nebo citace vnořená hlouběji než 10 úrovní.", False),
    Rule("odstavec-dlouhy", W, _OUT, "Odstavec delší než 10 000 znaků (asi tři strany)."),
    Rule("sablona-docx", E, _OUT, "Šablona DOCX v plan.yaml neexistuje nebo to není DOCX."),
    Rule("surovy-kod", E, _OUT, "Text obsahuje surové HTML, LaTeX, Typst nebo OpenXML."),
    Rule(
        "vystup-mimo-projekt",
        E,
        _OUT,
        "Složka výstupů leží mimo složku plánu (absolutní cesta nebo ..).",
        False,
    ),
    Rule(
        "vystup-prepise-zdroj",
        E,
        _OUT,
        "Výstupy by se zapisovaly do složky plánu, kapitol nebo mezi jeho soubory.",
        False,
    ),
    Rule("vystup-duplicitni", E, _OUT, "Dva výstupy mají stejný název souboru.", False),
    Rule("vystup-nazev", E, _OUT, "Název souboru nebo složky výstupu nelze použít.", False),
    Rule("vystup-pripona", W, _OUT, "Přípona souboru výstupu neodpovídá jeho formátu."),
    Rule(
        "monitoring-kod",
        E,
        _MON,
        "Hlášení uvádí oblast, opatření nebo indikátor, který v plánu není.",
    ),
    Rule(
        "monitoring-rok",
        E,
        _MON,
        "Hlášení leží mimo složku roku, nebo jeho rok je mimo období plánu, nesedí ke složce "
        "či je z budoucnosti.",
    ),
    Rule(
        "monitoring-hodnota", E, _MON, "Skutečná hodnota indikátoru nesedí k jeho měrné jednotce."
    ),
    Rule("monitoring-stav", E, _MON, "Stav opatření není ve slovníku stavy_opatreni."),
    Rule("monitoring-duvod", E, _MON, "Stav opatření (pozastaveno, zrušeno) vyžaduje důvod."),
    Rule(
        "monitoring-duplicita",
        E,
        _MON,
        "Opatření, indikátor nebo oblast je za rok vykázán dvakrát.",
    ),
    Rule("monitoring-zrusene", W, _MON, "Hlášení o opatření, které je v plánu zrušené."),
    Rule(
        "monitoring-duvod-navic",
        W,
        _MON,
        "Důvod u stavu, který jej nemá (zůstal po pozastavení, např. ze sešitu).",
    ),
    Rule(
        "monitoring-pokrok",
        W,
        _MON,
        "Pokrok opatření menší než 1 %: nejspíš podíl (0,4) místo procent (40).",
    ),
    Rule(
        "monitoring-mimo-harmonogram",
        W,
        _MON,
        "Hlášení o opatření za rok, ve kterém podle harmonogramu neběží.",
    ),
    Rule("monitoring-chybi", W, _MON, "Opatření, které v roce běželo, nemá hlášení."),
    Rule(
        "sesit-soubor",
        E,
        _BOOK,
        "Vrácený sešit není .xlsx (.xlsm, .xls), je zaheslovaný nebo poškozený.",
        False,
    ),
    Rule("sesit-velikost", E, _BOOK, "Sešit je nepřiměřeně velký nebo má příliš řádků.", False),
    Rule("sesit-externi-odkaz", E, _BOOK, "Sešit obsahuje odkazy na jiné sešity.", False),
    Rule("sesit-plan", E, _BOOK, "Sešit patří k jinému plánu, roku nebo garantovi.", False),
    Rule("sesit-list", E, _BOOK, "Sešitu chybí list nebo má přejmenovaný sloupec.", False),
    Rule("sesit-kod", E, _BOOK, "Kód v sešitu byl změněn, smazán nebo přidán.", False),
    Rule(
        "sesit-hodnota",
        E,
        _BOOK,
        "Hodnota v sešitu není číslo, částka nebo datum, nebo chybí stav, zdroj či částka.",
        False,
    ),
    Rule(
        "sesit-konflikt",
        E,
        _BOOK,
        "Hodnota v sešitu se liší od hodnoty už zapsané v monitoringu.",
        False,
    ),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _CATALOGUE}
