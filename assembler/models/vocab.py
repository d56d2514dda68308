"""Czech defaults for the plan's vocabularies and the fixed lists taken from the law.

A plan replaces any default list by writing its own in ``plan.yaml``; the fixed
lists (types of social services, items of § 3 písm. h) change only with the Act.
"""

from __future__ import annotations

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

MEASURE_STATUSES = {
    "splneno": "Splněno",
    "probiha": "Probíhá",
    "nezahajeno": "Nezahájeno",
    "pozastaveno": "Pozastaveno",
    "zruseno": "Zrušeno",
    "neuvedeno": "Neuvedeno",
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

# The six items a plan must contain (§ 3 písm. h) zákona č. 108/2006 Sb.).
LEGAL_ITEMS = {
    "priprava": "způsob zpracování plánu",
    "analyza": "analýza existujících zdrojů a potřeb osob včetně ekonomického vyhodnocení",
    "strategie": "strategie zajištění a rozvoje sociálních služeb",
    "povinnosti": "povinnosti zúčastněných subjektů",
    "monitoring": "způsob sledování a vyhodnocování plnění plánu",
    "zmeny": "způsob provádění změn plánu",
}

MEASURE_KINDS = {
    "udrzeni": "udržení stávající služby",
    "rozvoj": "rozvoj stávající služby",
    "nova_sluzba": "nová služba",
    "systemove": "systémové opatření",
}

TRIAD_ROLES = {
    "zadavatel": "zadavatel",
    "poskytovatel": "poskytovatel",
    "uzivatele": "uživatelé",
    "jine": "jiné",
}

PLAN_STATUSES = {
    "navrh": "návrh",
    "k_pripominkovani": "návrh k veřejnému připomínkování",
    "schvaleno": "schváleno",
}

SERVICE_FORMS = {"ambulantni": "ambulantní", "terenni": "terénní", "pobytova": "pobytová"}

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
}
