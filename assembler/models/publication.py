"""How the plan is published: its output files (vystupy) and the ESF publicity on each of them."""

from __future__ import annotations

from assembler.models.common import Model, Text, yaml_key
from assembler.models.placement import EVERYWHERE, NOWHERE

# Examples shared by several keys, as the YAML reader yields them (see yaml_key).
ESF_EXAMPLE = {
    "projekt": "Plánování sociálních služeb v Lipovanech",
    "registracni_cislo": "CZ.03.02.01/00/22_007/0001234",
    "logo": "assets/esf-logo.svg",
}


class EsfPublicity(Model):
    project: Text = yaml_key(
        "projekt",
        "Název projektu",
        "Název projektu podpořeného z ESF.",
        example=ESF_EXAMPLE["projekt"],
        printed=EVERYWHERE,
    )
    registration: Text = yaml_key(
        "registracni_cislo",
        "Registrační číslo",
        "Např. CZ.03.02.01/00/22_…",
        example=ESF_EXAMPLE["registracni_cislo"],
        printed=EVERYWHERE,
    )
    logo: Text = yaml_key(
        "logo",
        "Logo",
        "Cesta k povinnému logu (EU a program) v projektu.",
        example=ESF_EXAMPLE["logo"],
        printed=EVERYWHERE,
    )


class OutputFiles(Model):
    directory: Text = yaml_key(
        "adresar",
        "Adresář",
        "Kam se výstupy zapisují.",
        "output",
        example="vystupy",
        printed=NOWHERE,
    )
    plan_docx: Text = yaml_key(
        "plan_docx",
        "Plán DOCX",
        "Název souboru plánu pro Word.",
        "plan.docx",
        example="plan-lipovany-2026-2029.docx",
        printed=NOWHERE,
    )
    plan_pdf: Text = yaml_key(
        "plan_pdf",
        "Plán PDF",
        "Název souboru plánu v PDF.",
        "plan.pdf",
        example="plan-lipovany-2026-2029.pdf",
        printed=NOWHERE,
    )
    summary_pdf: Text = yaml_key(
        "souhrn_pdf",
        "Souhrn PDF",
        "Veřejná verze v PDF.",
        "summary.pdf",
        example="souhrn-lipovany.pdf",
        printed=NOWHERE,
    )
    summary_docx: Text = yaml_key(
        "souhrn_docx",
        "Souhrn DOCX",
        "Veřejná verze pro Word.",
        "summary.docx",
        example="souhrn-lipovany.docx",
        printed=NOWHERE,
    )
    summary_html: Text = yaml_key(
        "souhrn_html",
        "Souhrn HTML",
        "Veřejná verze jako web.",
        "summary.html",
        example="souhrn-lipovany.html",
        printed=NOWHERE,
    )
    monitoring_pdf: Text = yaml_key(
        "monitoring_pdf",
        "Monitorovací zpráva PDF",
        "Zpráva za každý rok ve složce monitoring/; {rok} se nahradí rokem.",
        "monitoring-{rok}.pdf",
        example="monitorovaci-zprava-{rok}.pdf",
        printed=NOWHERE,
    )
    monitoring_docx: Text = yaml_key(
        "monitoring_docx",
        "Monitorovací zpráva DOCX",
        "Zpráva pro Word; {rok} se nahradí rokem.",
        "monitoring-{rok}.docx",
        example="monitorovaci-zprava-{rok}.docx",
        printed=NOWHERE,
    )
    monitoring_html: Text = yaml_key(
        "monitoring_html",
        "Monitorovací zpráva HTML",
        "Zpráva jako web; {rok} se nahradí rokem.",
        "monitoring-{rok}.html",
        example="monitorovaci-zprava-{rok}.html",
        printed=NOWHERE,
    )
    municipality_pdf: Text = yaml_key(
        "obec_pdf",
        "Podíl obce PDF",
        "Výpis pro zastupitelstvo každé obce z registru území (má-li jich plán více); "
        "{obec} se nahradí klíčem obce malými písmeny.",
        "obec-{obec}.pdf",
        example="podil-obce-{obec}.pdf",
        printed=NOWHERE,
    )
    municipality_docx: Text = yaml_key(
        "obec_docx",
        "Podíl obce DOCX",
        "Výpis pro zastupitelstvo obce pro Word; {obec} se nahradí klíčem obce.",
        "obec-{obec}.docx",
        example="podil-obce-{obec}.docx",
        printed=NOWHERE,
    )
    reference_docx: Text | None = yaml_key(
        "sablona_docx",
        "Šablona DOCX",
        "Vlastní reference.docx se styly (nepovinné).",
        None,
        example="sablony/lipovany.docx",
        printed=NOWHERE,
    )
