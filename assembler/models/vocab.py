"""Czech defaults for the plan's vocabularies and the fixed lists taken from the law.

A plan replaces any default list by writing its own in ``plan.yaml``; the fixed
lists (types of social services, items of § 3 písm. h) change only with the Act.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import WithJsonSchema

FUNDING_SOURCES = {
    "obec": "Rozpočet obce",
    "kraj": "Rozpočet kraje",
    "mpsv": "Dotace ze státního rozpočtu (MPSV prostřednictvím kraje)",
    "esf": "Evropský sociální fond (OP Zaměstnanost plus)",
    "uhrady": "Úhrady uživatelů",
    "pojistovny": "Zdravotní pojišťovny",
    "jine": "Jiné zdroje",
}

TARGET_GROUPS = {
    "seniori": "Senioři",
    "dusevni-onemocneni": "Lidé s duševním onemocněním a psychosociálními obtížemi",
    "zrakove-postizeni": "Lidé se zrakovým postižením",
    "sluchove-postizeni": "Lidé se sluchovým postižením",
    "mentalni-telesne-postizeni": "Lidé s mentálním, tělesným a kombinovaným postižením",
    "rodiny-s-detmi": "Rodiny s dětmi",
    "deti-a-mladez": "Děti a mládež",
    "ohrozeni-vyloucenim": "Lidé ohrožení sociálním vyloučením",
    "bez-domova": "Lidé bez domova",
    "vyloucene-lokality": "Obyvatelé sociálně vyloučených lokalit",
    "zavislosti": "Lidé ohrožení závislostí",
    "pecujici": "Pečující osoby",
    "verejnost": "Široká veřejnost",
}

# Statuses of a measure in the yearly monitoring, as plan.yaml writes them: each may
# carry the progress share it stands for (pokrok, %) and may require a reason (duvod).
# A status without a share (paused, cancelled, no data) leaves the measure out of the
# progress averages unless the report gives its own pokrok.
MEASURE_STATUSES: dict[str, dict[str, object]] = {
    "naplneno": {"nazev": "Naplněno", "pokrok": 100},
    "rozpracovano": {"nazev": "Rozpracováno", "pokrok": 50},
    "nezahajeno": {"nazev": "Nezahájeno", "pokrok": 0},
    "pozastaveno": {"nazev": "Pozastaveno", "vyzaduje_duvod": True},
    "zruseno": {"nazev": "Zrušeno", "vyzaduje_duvod": True},
    "bez_udaju": {"nazev": "Bez údajů"},
}

COMMENT_RESOLUTIONS = {
    "akceptovano": "Akceptováno",
    "castecne-akceptovano": "Částečně akceptováno",
    "neakceptovano": "Neakceptováno",
    "vysvetleno": "Vysvětleno",
    "vzato-na-vedomi": "Vzato na vědomí",
}

ABBREVIATIONS = {
    "KPSS": "komunitní plánování sociálních služeb",
    "SPRSS": "střednědobý plán rozvoje sociálních služeb",
    "MPSV": "Ministerstvo práce a sociálních věcí",
    "ESF": "Evropský sociální fond",
    "OPZ+": "Operační program Zaměstnanost plus",
    "NNO": "nestátní nezisková organizace",
    "IČO": "identifikační číslo osoby",
    "ORP": "obec s rozšířenou působností",
    "PS": "pracovní skupina",
    "OSPOD": "orgán sociálně-právní ochrany dětí",
    "ÚP": "Úřad práce České republiky",
    "DPS": "dům s pečovatelskou službou",
    "SWOT": "analýza silných a slabých stránek, příležitostí a hrozeb",
}

# Types of registered social services by section of zákon č. 108/2006 Sb.
SERVICE_TYPES = {
    "37": "sociální poradenství",
    "39": "osobní asistence",
    "40": "pečovatelská služba",
    "41": "tísňová péče",
    "42": "průvodcovské a předčitatelské služby",
    "43": "podpora samostatného bydlení",
    "44": "odlehčovací služby",
    "45": "centra denních služeb",
    "46": "denní stacionáře",
    "47": "týdenní stacionáře",
    "48": "domovy pro osoby se zdravotním postižením",
    "49": "domovy pro seniory",
    "50": "domovy se zvláštním režimem",
    "51": "chráněné bydlení",
    "52": "sociální služby poskytované ve zdravotnických zařízeních lůžkové péče",
    "54": "raná péče",
    "55": "telefonická krizová pomoc",
    "56": "tlumočnické služby",
    "57": "azylové domy",
    "58": "domy na půl cesty",
    "59": "kontaktní centra",
    "60": "krizová pomoc",
    "60a": "intervenční centra",
    "61": "nízkoprahová denní centra",
    "62": "nízkoprahová zařízení pro děti a mládež",
    "63": "noclehárny",
    "64": "služby následné péče",
    "65": "sociálně aktivizační služby pro rodiny s dětmi",
    "66": "sociálně aktivizační služby pro seniory a osoby se zdravotním postižením",
    "67": "sociálně terapeutické dílny",
    "68": "terapeutické komunity",
    "69": "terénní programy",
    "70": "sociální rehabilitace",
}


class GroupKind(StrEnum):
    """Whom one monitoring workbook is for (``plan monitor export --po``)."""

    GARANT = "garant"
    AREA = "oblast"


class Vocabulary(StrEnum):
    """A fixed vocabulary: each member's value is the key authors write, ``label`` the
    Czech wording printed in the documents. The models, the JSON Schema, docs/klice.md,
    the commented templates of ``plan init`` and the CLI all take the keys from here."""

    label: str

    def __new__(cls, key: str, label: str) -> Self:
        member = str.__new__(cls, key)
        member._value_ = key
        member.label = label
        return member

    @classmethod
    def choices(cls) -> str:
        """``udrzeni, rozvoj, nova_sluzba nebo systemove``: the keys as a Czech list."""
        keys = [member.value for member in cls]
        return f"{', '.join(keys[:-1])} nebo {keys[-1]}" if len(keys) > 1 else keys[0]

    @classmethod
    def schema(cls) -> WithJsonSchema:
        """The keys inline in the JSON Schema (editors offer them), not a ``$ref``."""
        return WithJsonSchema({"enum": [member.value for member in cls], "type": "string"})


class LegalItem(Vocabulary):
    """The six items a plan must contain (§ 3 písm. h) zákona č. 108/2006 Sb.)."""

    PREPARATION = "priprava", "způsob zpracování plánu"
    ANALYSIS = (
        "analyza",
        "analýza existujících zdrojů a potřeb osob včetně ekonomického vyhodnocení",
    )
    STRATEGY = "strategie", "strategie zajištění a rozvoje sociálních služeb"
    DUTIES = "povinnosti", "povinnosti zúčastněných subjektů"
    MONITORING = "monitoring", "způsob sledování a vyhodnocování plnění plánu"
    CHANGES = "zmeny", "způsob provádění změn plánu"


class MeasureKind(Vocabulary):
    MAINTENANCE = "udrzeni", "udržení stávající služby"
    DEVELOPMENT = "rozvoj", "rozvoj stávající služby"
    NEW_SERVICE = "nova_sluzba", "nová služba"
    SYSTEMIC = "systemove", "systémové opatření"


class TriadRole(Vocabulary):
    """The roles of community planning's triad."""

    COMMISSIONER = "zadavatel", "zadavatel"
    PROVIDER = "poskytovatel", "poskytovatel"
    USERS = "uzivatele", "uživatelé"
    OTHER = "jine", "jiné"


class PlanStatus(Vocabulary):
    DRAFT = "navrh", "návrh"
    CONSULTATION = "k_pripominkovani", "návrh k veřejnému připomínkování"
    APPROVED = "schvaleno", "schváleno"


class ServiceForm(Vocabulary):
    OUTPATIENT = "ambulantni", "ambulantní"
    FIELD = "terenni", "terénní"
    RESIDENTIAL = "pobytova", "pobytová"


class MunicipalityKind(Vocabulary):
    """Who commissions the plan; ``genitive`` reads "plán obce / kraje / svazku obcí"."""

    genitive: str

    MUNICIPALITY = "obec", "obec", "obce"
    REGION = "kraj", "kraj", "kraje"
    MICROREGION = "mikroregion", "svazek obcí", "svazku obcí"

    def __new__(cls, key: str, label: str, genitive: str = "") -> Self:
        member = str.__new__(cls, key)
        member._value_ = key
        member.label = label
        member.genitive = genitive
        return member


# Sections the assembler generates from the data; placeable in the outline by key.
GENERATED_SECTIONS = {
    "spolecne-cile": "Společné cíle",
    "seznam-opatreni": "Přehled cílů a opatření",
    "rozpocet": "Finanční přehled",
    "indikatory": "Přehled indikátorů",
    "odpovednost": "Odpovědnost organizací",
    "cilove-skupiny": "Cílové skupiny a opatření",
    "sluzby": "Registrované služby v opatřeních",
    "zkratky": "Seznam zkratek",
    "uzemi": "Opatření podle obcí a lokalit",
    "naklady-obci": "Náklady obcí podle let",
    "organizacni-struktura": "Organizační struktura plánování",
    "vyhodnoceni": "Vyhodnocení plnění plánu",
}


class MunicipalStatus(Vocabulary):
    """A municipality of the territory register (plan.yaml, uzemi) by its status under
    zákon č. 128/2000 Sb., o obcích — not who commissions the plan (MunicipalityKind).
    ``genitive`` reads "zastupitelstvo obce / města …", ``dative`` "slouží obci / městu …"."""

    genitive: str
    dative: str

    MUNICIPALITY = "obec", "obec", "obce", "obci"
    TOWN = "mesto", "město", "města", "městu"
    MARKET_TOWN = "mestys", "městys", "městyse", "městysi"
    STATUTORY_CITY = "statutarni_mesto", "statutární město", "města", "městu"
    CITY_DISTRICT = "mestsky_obvod", "městský obvod", "městského obvodu", "městskému obvodu"

    def __new__(cls, key: str, label: str, genitive: str = "", dative: str = "") -> Self:
        member = str.__new__(cls, key)
        member._value_ = key
        member.label = label
        member.genitive = genitive
        member.dative = dative
        return member


class LocalityKind(Vocabulary):
    EXCLUDED = "vyloucena_lokalita", "sociálně vyloučená lokalita"
    AT_RISK = "ohrozena_lokalita", "lokalita ohrožená sociálním vyloučením"
    PART = "cast_obce", "část obce"
    OTHER = "jina", "jiná lokalita"


# The funding source a measure's municipal share (podil_obci) splits between municipalities.
MUNICIPAL_SOURCE = "obec"
