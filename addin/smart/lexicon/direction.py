"""Targets, and which way an indicator should move (the A rule).

Every pattern is matched on folded text: lower case, accents removed (see `text.fold`).
"""

from __future__ import annotations

# Targets in words that still give a value.
WHOLE_TARGET = r"all|every\b.*|universal|tous|toutes|universelle?|double[ds]?|triple[ds]?|half|moitie|halved|doubled"
ZERO_TARGET = (
    r"zero|none|nil|no cases?|no more|aucun(?:e)?|eliminated|eradicated|ended|ended completely|totally eliminated|"
    r"eliminee?s?|eradiquee?s?|totalement eliminee?s?|0"
)

# Which way an indicator should move.
EXPLICIT_DOWN = (
    r"falls?|falling|fell|decreases?|decreasing|declines?|declining|drops?|dropping|reduced|reduction|lowered|fewer|"
    r"halved|baisse|diminue|diminution|reduit|reduite|recul|recule|passe sous"
)
EXPLICIT_UP = (
    r"rises?|rising|rose|increases?|increasing|increased|grows?|growing|doubled|raised|hausse|augmente|augmentation|"
    r"progresse|accroissement"
)
# Counting what the State does or what people receive: more is better, even for a bad phenomenon.
EFFORT_WORDS = (
    r"prosecut\w*|convict\w*|investigat\w*|resolved|handled|processed|addressed|trained|training|registered|registration|"
    r"enrol\w*|issued|allocated|allocation|budget|spending|expenditure|assisted|supported|rescued|identified|referred|"
    r"receiving|received|benefit\w*|accessing|access|covered|coverage|completion|completed|literacy|vaccinated|immuni[sz]ed|"
    r"attended|representation|seats|held by women|elected|recruited|deployed|opened|built|rehabilitated|inspections?|"
    r"visits?|judgments?|judgements?|result in|leading to|sanctioned|disciplined|released|withdrawn|freed|rescued|"
    r"abandon(?:ment|ed|ing)|declar(?:ing|ed|e)|granted|obtained|acquired|repealed|removed|amended|closed|"
    r"accordee?s?|obtenue?s?|acquise?s?|abrogee?s?|supprimee?s?|modifiee?s?|retiree?s?|couverture|vaccin\w*|"
    r"immuni[sz]\w*|renounc\w*|free (?:of|from)|\w+-free|protected|soustraite?s?|"
    r"abandonn\w*|proteges?|protegees?|on treatment|receiving treatment|on (?:antiretroviral|arv)\w*|"
    r"antiretroviral therapy|sous traitement|sous arv|(?:art|arv) coverage|access to treatment|"
    r"poursuivie?s?|poursuites?|condamnations?(?! a mort)|jugements?|jugees?|enquetes?|formee?s?|formation|"
    r"enregistre\w*|inscrits?|scolaris\w*|achevement|delivree?s?|allouee?s?|beneficiant|beneficiaires?|prise?s? en charge|"
    r"assistee?s?|liberee?s?|traitee?s?|resolue?s?|elues?|(?:ayant )?beneficie\w*|assistance|clarified|solved|elucid\w*|"
    r"traced|reunited|shelters?|safe houses?|operating|functioning|fonctionnel\w*|(?:dismissed|suspended|revoquee?s?) (?:for|pour)|"
    r"commuted|commuee?s?|contracepti\w*|(?<!pre-)trials?|proces|tested|depistee?s?|depistage|screened|screening|decided|"
    r"tranchee?s?|in favou?r of|compensated|indemnisee?s?|inquests?|minimum wage|salaire minimum|average wage|"
    r"salaire moyen|household income|revenu moyen|upheld|places in|places d'(?:hebergement|accueil)|sanctions?|sanctionnee?s?|tried|repatriated|rapatriee?s?|reintegrated|reinseree?s?|reunified|"
    r"resulting in|resulted in|ayant abouti|naturali[sz]\w*|carried out|conducted|effectuee?s?|realisee?s?|examinations?|"
    r"separee?s?|separately|lifted (?:out of|above|from)|sortie?s? de|sheltered|hebergee?s?|reached|reaching|"
    r"touchee?s?|transferred|transferee?s?|(?:reach(?:ing)?|lead(?:ing)? to) (?:a )?(?:court )?(?:decision|verdict|judgment)|"
    r"(?:ayant )?recue?s?|offering|offrant|dispensant|providing|fournissant|receive|qui recoivent|benefit from|condamnee?s?|"
    r"returned (?:home|to their (?:families|homes|communities|countries))|implemented|mise?s? en (?:oeuvre|application)|"
    r"intercepted|interceptee?s?|accommodated|accueillie?s?|placee?s? (?:en|dans) (?:un )?(?:centre|foyer|refuge)"
)
# "Number of maternity waiting homes": a count of facilities the State provides should rise.
FACILITY_COUNT = (
    r"^(?:total )?(?:number|nombre) (?:of|de|d')\s*(?:[\w'-]+ ){0,2}?(?:homes|centres?|centers?|shelters|clinics|"
    r"hospitals|health facilities|schools|classrooms|courts|offices|units|rooms|desks|kiosks|(?:polling )?stations|"
    r"posts|wings|beds|boreholes|wells|ecoles|salles|tribunaux|bureaux|cases de sante|maisons|foyers|cantines|forages|"
    r"puits|lits)(?!\w)"
)

# Done without the safeguard the law requires: the State should do less of it.
WITHOUT_SAFEGUARD = (
    r"(?:found|held|kept|trouvee?s?|gardee?s?|detenue?s?) (?:in|dans) (?:des |les )?(?:police cells?|cellules?|"
    r"adult (?:prisons?|facilities)|prisons? pour adultes)|instead of (?:prosecution|trial)|au lieu de poursuites|without (?:an? |their )?(?:court order|judicial (?:order|authori[sz]ation|review)|warrant|charge|trial|due process|"
    r"disciplinary procedure|consent|prior notice)|sans (?:decision de justice|mandat|jugement|proces|procedure|avis|"
    r"consentement)"
)
# How long something takes: shorter is better, whatever is counted ("average time from arrest to trial", AE023).
DURATION = (r"(?:average|mean|median) (?:time|duration|length|delay)|time (?:taken )?(?:from|to|between)|length of|waiting time|"
            r"delais? (?:moyens?|de)|durees? (?:moyennes?|de)|temps (?:moyen|d'attente)")
# Harms the State itself does ("executions carried out"): fewer is better, unless they are stopped ("sentences commuted").
HARMFUL_ACTS = (r"(?:executions?|evictions?|demolitions?) (?:carried out|conducted|performed|effectuee?s?|realisee?s?)|"
                r"(?:persons|people|prisoners) executed|personnes executees")
STOPPED = r"commut\w*|stayed|annul\w*|overturned|prevented|halted|suspendue?s?|evitee?s?|reversed"
# Refused or suspended by the State: fewer is better ("NGOs whose registration was suspended or refused", AG025).
REFUSED = r"(?:suspended|refused|rejected|denied|revoked|banned|dissolved) |(?:suspendue?s?|refusee?s?|rejetee?s?|retiree?s?|dissoute?s?|interdite?s?)(?: |$)|(?:suspended|refused|rejected|denied|revoked|banned|dissolved)$"
# Released, freed: more is better even when the count names a wrongful detention ("persons detained for X released").
RELEASED = r"released|freed|liberee?s?|remise?s? en liberte|elargie?s?"
# People prosecuted or detained for exercising a freedom: the State should do less of it.
CRIMINALISED_FREEDOM = (
    r"(?:prosecuted|arrested|detained|charged|convicted|jailed|imprisoned|sentenced|poursuivie?s?|arretee?s?|detenue?s?|"
    r"condamnee?s?|inculpee?s?)\s+(?:[\w'-]+\s+){0,5}?(?:for|under|pour|en vertu d[eu']s?|in connection with|because of|en lien avec|en raison de)\s+"
    r"(?:[\w'-]+\s+){0,6}?"
    r"(?:expression|opinions?|speech|defamation|diffamation|cybercrime|sedition|blasphemy|insult\w*|outrage\w*|"
    r"journalis\w*|their work|leur travail|protest\w*|demonstrat\w*|manifest\w*|assembly|reunions?|homosexual\w*|"
    r"same-sex|sexual orientation|orientation sexuelle|delits? de presse|press offen[cs]es?)"
)
BAD_OUTCOME_WORDS = (
    r"mortality|mortalite|deaths?|deces|prevalence|incidence|cases of|cas de|victims?|victimes?|pre-?trial|"
    r"detention provisoire|prevenus|overcrowding|surpopulation|occupancy|occupation|drop-?out|abandon|unemployment|chomage|poverty|pauvrete|"
    r"malnutrition|stunting|retard de croissance|illitera\w*|analphabet\w*|out-of-school|backlog|delays?|waiting|"
    r"stateless\w*|apatrid\w*|married before|mariee?s? avant|child marriage|violence|violences|fgm|excision|mutilation|"
    r"traffick\w*|traite|torture|abuse|harass\w*|attacks?|attaques?|killings?|executions?|death sentences?|evictions?|"
    r"expulsions?|arbitrar\w*|corporal punishment|chatiments? corporels?|corruption|discriminat\w*|pregnanc\w*|"
    r"grossesses?|childbearing|detained|prisoners? in|detenus|hiv|vih|new infections|nouvelles infections|unmet need|"
    r"besoins? non satisfaits?|residential care|institutionali[sz]\w*|en institution|pupil-teacher ratio|(?:pupils?|students?|patients?|prisoners?|inhabitants|eleves|"
    r"habitants|detenus) (?:per|par) (?:\w+ )?(?:teachers?|doctors?|nurses?|judges?|classrooms?|enseignants?|medecins?|"
    r"juges?|classes?)|ratio eleves[- ](?:maitres?|enseignants?)|killed|murdered|tuee?s?|homicides?|femicides?|feminicides?|delais?|durees?|length|"
    r"average time"
)
GROWTH = r"increased? (?:by|of)|percentage increase|growth|croissance|augmentation|hausse de"
SHARE_OF_POPULATION = r"percentage|percent|%|proportion|share|rate|taux|pourcentage|part\b|ratio"
