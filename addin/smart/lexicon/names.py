"""Institutions and instruments by name: mechanisms, aliases, acronyms, kind words, generic bodies.

Every pattern is matched on folded text: lower case, accents removed (see `text.fold`).
"""

from __future__ import annotations

# What an instrument asks the State to set up: an indicator about that mechanism tracks the instrument
# (the OPCAT's national preventive mechanism, the Rome Statute's Court). Folded name -> folded pattern.
INSTRUMENT_MECHANISMS = {
    "optional protocol to the convention against torture":
        r"national preventive mechanisms?|npm|mecanismes? nationa(?:l|ux) de prevention|mnp",
    "protocole facultatif se rapportant a la convention contre la torture":
        r"national preventive mechanisms?|npm|mecanismes? nationa(?:l|ux) de prevention|mnp",
    "rome statute": r"international criminal court|cour penale internationale",
    "statut de rome": r"international criminal court|cour penale internationale",
}
# Instruments known by a short name: the short name (folded) -> a pattern for the name in full, either way.
INSTRUMENT_ALIASES = {
    "palermo protocol": r"protocol to prevent,? suppress and punish trafficking|trafficking (?:in persons )?protocol|"
                        r"protocole (?:additionnel )?visant a prevenir,? reprimer et punir la traite|protocole de palerme",
    "protocole de palerme": r"protocol to prevent,? suppress and punish trafficking|palermo protocol|"
                            r"protocole (?:additionnel )?visant a prevenir,? reprimer et punir la traite",
    "palermo convention": r"convention against transnational organi[sz]ed crime|convention (?:des nations unies )?contre la "
                          r"criminalite transnationale organisee",
    "maputo protocol": r"protocol to the african charter on human and peoples' rights on the rights of women|"
                       r"protocole (?:a|de) la charte africaine des droits de l'homme et des peuples relatif aux droits des femmes",
    "kampala convention": r"african union convention for the protection and assistance of internally displaced persons|"
                          r"convention de l'union africaine sur la protection et l'assistance aux personnes deplacees",
    "migrant workers convention": r"convention on the protection of the rights of all migrant workers|"
                                 r"convention (?:internationale )?sur la protection des droits de tous les travailleurs migrants",
    "convention sur les travailleurs migrants": r"convention on the protection of the rights of all migrant workers|"
                                                r"convention (?:internationale )?sur la protection des droits de tous les travailleurs migrants",
    "istanbul convention": r"convention on preventing and combating violence against women and domestic violence|"
                           r"convention sur la prevention et la lutte contre la violence a l'egard des femmes",
}
# An optional protocol is not named by its parent treaty's name alone.
OPTIONAL_PROTOCOL = r"^(?:(?:first|second|premier|deuxieme|second) )?(?:optional protocol|protocole facultatif)"
PROTOCOL_MENTION = r"(?<!\w)(?:protocols?|protocoles?|op-?[a-z]{2,7}|opcat|opsc|opac)(?!\w)"

# Words that only say what kind of text a name refers to, or where in it: a reason never quotes them
# alone as what a recommendation is about.
REFERENCE_WORDS = frozenset("""
article articles paragraph paragraphs para section sections chapter annex protocol protocols optional
convention conventions covenant treaty treaties instrument instruments resolution resolutions
""".split())

# Acronyms of the core treaties and bodies, spelled out so that either form names the other.
KNOWN_ACRONYMS = {
    "CEDAW": "Convention on the Elimination of All Forms of Discrimination against Women",
    "CERD": "International Convention on the Elimination of All Forms of Racial Discrimination",
    "ICERD": "International Convention on the Elimination of All Forms of Racial Discrimination",
    "CRC": "Convention on the Rights of the Child",
    "CRPD": "Convention on the Rights of Persons with Disabilities",
    "CAT": "Convention against Torture",
    "OPCAT": "Optional Protocol to the Convention against Torture",
    "ICCPR": "International Covenant on Civil and Political Rights",
    "ICESCR": "International Covenant on Economic, Social and Cultural Rights",
    "ICRMW": "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
    "CMW": "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
    "ICPPED": "International Convention for the Protection of All Persons from Enforced Disappearance",
    "CED": "International Convention for the Protection of All Persons from Enforced Disappearance",
    "ICC": "International Criminal Court",
    "OHCHR": "Office of the High Commissioner for Human Rights",
    "HCDH": "Haut-Commissariat des Nations Unies aux droits de l'homme",
    "UNHCR": "Office of the United Nations High Commissioner for Refugees",
    "HCR": "Haut-Commissariat des Nations Unies pour les refugies",
    "ILO": "International Labour Organization",
    "OIT": "Organisation internationale du Travail",
    "HRC": "Human Rights Council",
    "NHRI": "National Human Rights Institution",
    "NPM": "National Preventive Mechanism",
    "UPR": "Universal Periodic Review",
    "EPU": "Examen periodique universel",
    "PIDCP": "Pacte international relatif aux droits civils et politiques",
    "PIDESC": "Pacte international relatif aux droits economiques, sociaux et culturels",
    "CDE": "Convention relative aux droits de l'enfant",
    "CDPH": "Convention relative aux droits des personnes handicapees",
    "MNP": "Mecanisme national de prevention",
    "OPSC": "Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution "
            "and child pornography",
    "OPAC": "Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed "
            "conflict",
    "OP": "Optional Protocol to the",
}

# Capitalised words that make a name an institution or an instrument.
BODY_KINDS = frozenset("""
ministry ministries minister ministere ministre department departement office bureau authority autorite agency agence
board service services court cour tribunal parliament parlement assembly assemblee senate senat cabinet police force
forces gendarmerie directorate direction institute institut institution commission commissions committee comite council
conseil ombudsman mediateur unit cellule secretariat observatoire inspectorate inspection registrar registry fund fonds
rapporteur rapporteuse
judiciary attorney prosecutor prosecutions procureur president presidence prime army armee commissariat defenseur
""".split())
INSTRUMENT_KINDS = frozenset("""
act bill code law constitution convention covenant protocol charter declaration statute principles plan policy strategy
programme program loi pacte protocole charte statut politique strategie decree decret
""".split())
# The same kind of thing in other words or the other language: "Marriage Bill" is named by "Marriage Act".
KIND_EQUIVALENTS = {
    "act": "law", "bill": "law", "statute": "law", "loi": "law", "code": "code",
    "ministere": "ministry", "ministre": "minister", "comite": "committee", "conseil": "council", "cour": "court",
    "protocole": "protocol", "charte": "charter", "pacte": "covenant", "politique": "policy", "strategie": "strategy",
    "statut": "statute", "programme": "program", "parlement": "parliament", "assemblee": "parliament",
    "assembly": "parliament", "senate": "parliament", "senat": "parliament", "legislature": "parliament",
    "autorite": "authority", "agence": "agency", "institut": "institute", "decret": "decree", "mediateur": "ombudsman",
}
# Bodies that only adopt or assent ("adopted by Parliament"): naming them does not change the subject.
ADOPTING_BODIES = frozenset("parliament parlement assembly assemblee senate senat cabinet president presidence".split())

GENERIC_BODY = (
    r"(?:the\s+|l'|le\s+|la\s+|les\s+)?(?:"
    r"(?:government|gouvernement|state|etat|state party|etat partie)(?:\s+(?:of|du|de la|de l'|de|des)\s*[\w' -]+)?|"
    r"authorities|autorites|public authorities|(?:all\s+)?(?:relevant|concerned|competent|line|government|responsible)\s+"
    r"(?:ministries|ministry|authorities|bodies|institutions|agencies|departments)|ministries|ministry|ministere|ministeres|"
    r"ministeres concernes|ministeres competents|autorites competentes|autorites concernees|stakeholders|"
    r"parties prenantes|partners|partenaires|actors|acteurs|everyone|everybody|all|tous|toutes|civil society|"
    r"societe civile|ngos|ong|tbd|to be determined|a determiner|n/?a|none|aucun|aucune|unknown|inconnu|-+|\?+|x|"
    r"(?:all\s+)?(?:relevant\s+)?stakeholders|civil society organi[sz]ations|csos?|osc|(?:development|technical)\s+partners|"
    r"partenaires techniques et financiers|ptf|(?:les\s+)?acteurs concernes)"
)
