"""Concepts: the human-rights topics a text is read as, and the groups of them the rules ask about.

Every pattern is matched on folded text: lower case, accents removed (see `text.fold`).
"""

from __future__ import annotations

# Human-rights concepts. Earlier entries win: a compound ("child labour") consumes its words so that
# the part ("labour") is not read as a separate topic. Each pattern yields one or more concept tags.
CONCEPT_PATTERNS: list[tuple[str, tuple[str, ...]]] = [
    # compounds first
    (r"tasers?|electro-?shock weapons?|electric shock weapons?|conducted energy (?:weapons?|devices?)|"
     r"(?:armes?|pistolets?) a (?:impulsion|impulsions) electriques?", ("TASER",)),
    (r"human rights (?:education|training|modules?|courses?|curricul(?:um|a))|(?:education|formation|enseignement) "
     r"(?:aux|en matiere de) droits (?:de l'homme|humains)", ("HR_EDUCATION", "TRAINING")),
    (r"(?:trained|training|formee?s?|formation)(?: \w+){0,2} (?:in|on|aux|en) (?:international humanitarian law and |droit "
     r"international humanitaire et )?(?:human rights|droits (?:de l'homme|humains))", ("HR_EDUCATION", "TRAINING")),
    # "education and awareness of human rights", "a culture of human rights": the same issue in UPR Info's words
    (r"(?:education|awareness|sensibilisation|formation)(?: (?:and|et) (?:la |l')?(?:education|awareness|sensibilisation|"
     r"formation|training))? (?:of|on|in|about|aux|en matiere de) (?:the )?(?:human rights|droits (?:de l'homme|humains))|"
     r"(?:human rights culture|culture of human rights|culture (?:des|de) droits (?:de l'homme|humains))",
     ("HR_EDUCATION",)),
    (r"child soldiers?|enfants? soldats?|children (?:formerly )?associated with armed (?:forces|groups)|"
     r"enfants? (?:anciennement )?associes? aux (?:forces|groupes) armes", ("CHILD_SOLDIERS", "CHILD", "ARMED_CONFLICT")),
    (r"international humanitarian law|droit international humanitaire|geneva conventions|conventions de geneve|"
     r"civilian (?:casualties|population|deaths)|victimes civiles|populations? civiles?", ("ARMED_CONFLICT",)),
    (r"truth and reconciliation|truth commissions?|transitional justice|justice transitionnelle|"
     r"verite(?:,)? (?:justice )?et reconciliation|commissions? verite", ("TRANSITIONAL_JUSTICE",)),
    (r"armed groups?|groupes? armes|armed forces (?:and|or) groups|forces (?:et|ou) groupes armes|armed conflicts?|"
     r"conflits? armes", ("ARMED_CONFLICT",)),
    (r"child labou?r|child workers?|working children|travail des enfants|enfants travailleurs|travail infantile|"
     r"worst forms of (?:child )?labou?r|pires formes de travail(?: des enfants)?|economic exploitation|"
     r"exploitation economique",
     ("CHILD_LABOUR", "CHILD")),
    (r"(?:child|early|forced)(?:,? (?:early|forced))*(?: and (?:early|forced))? marriages?|marri(?:ed|age) (?:of girls |of children )?"
     r"(?:or in (?:a )?union )?before (?:the age of |age )?18|marriage of (?:children|minors|girls)|mariages? (?:d'enfants|des enfants|precoces?|forces?|"
     r"des mineures?)(?: et (?:forces?|precoces?))?|mariee?s? avant (?:l'age de )?18", ("CHILD_MARRIAGE", "CHILD")),
    (r"(?:female )?genital mutilations?(?:/cutting)?|fgm(?:/c)?|genital cutting|excision|excis(?:eu|eu)(?:rs?|ses?)|excisers?|"
     r"circumcisers?|(?:traditional )?cutters|(?:renounc\w* |abandon\w* )?cutting|mutilations? genitales?(?: feminines?)?|mgf",
     ("FGM", "WOMEN")),
    (r"corporal punishments?|chatiments? corporels?|physical punishment", ("CORPORAL_PUNISHMENT", "CHILD")),
    # teachers or parents hitting children is corporal punishment (C022)
    (r"(?:beat(?:ing|s)?|beaten|hit(?:ting|s)?|smack(?:ing|s)?|spank(?:ing|s)?|caning|frapp\w*|battre|battu(?:e|s|es)?|gifl\w*) (?:of )?(?:the |a |an |their |des |les |un |une |"
     r"leurs? )?(?:pupils?|child(?:ren)?|students?|learners?|eleves?|enfants?)",
     ("CORPORAL_PUNISHMENT", "CHILD")),
    (r"registres? (?:national |central )?(?:des|de) (?:personnes privees de liberte|detenus|garde a vue)|"
     r"(?:central |national )?(?:detainee|detention|custody) registers?|registers? (?:of|for) (?:all )?(?:detainees|"
     r"(?:persons|people) (?:deprived of (?:their )?liberty|in custody|detained))",
     ("DETENTION_REGISTER", "DETENTION", "DETAINEES")),
    (r"persons? (?:held )?in (?:police )?custody|persons? deprived of (?:their )?liberty|personnes? (?:gardees? a vue|"
     r"privees? de (?:leur )?liberte)", ("DETENTION", "DETAINEES")),
    (r"femicides?|feminicides?|(?:women|femmes) (?:killed|murdered|tuees|assassinees)|(?:killings?|murders?|homicides?) of women|"
     r"meurtres? de femmes",
     ("FEMICIDE", "VIOLENCE")),
    (r"equal pay|(?:gender )?pay gap|(?:gender |equal )?pay (?:audits?|transparency|equity|differences?|scales?)|earnings|wages?|salaires?|remunerations?|ecarts? (?:de salaire|salarial|de remuneration)",
     ("PAY",)),
    (r"(?:disability|child|social|cash|old-age|family|support) (?:grants?|allowances?|benefits?)|social assistance|"
     r"aide sociale|allocations? (?:familiales|sociales)|prestations? sociales", ("SOCIAL_PROTECTION",)),
    (r"mother tongues?|langues? maternelles?|bilingual|bilingues?|(?:minority|indigenous|local) languages?|"
     r"langues? (?:nationales|locales|minoritaires)", ("LANGUAGE",)),
    (r"legal capacity|capacite juridique|guardianship|tutelle|curatelle|supported decision-making|"
     r"prise de decision (?:assistee|accompagnee)", ("LEGAL_CAPACITY",)),
    (r"adolescentes? (?:de \d+ a \d+ ans )?ayant (?:deja )?eu (?:un|leur premier) enfant|adolescent mothers?|"
     r"meres adolescentes", ("EARLY_PREGNANCY",)),
    (r"letters? of rights|informed of (?:their|his|her) rights|notification des droits|informee?s? de (?:leurs|ses) droits",
     ("CUSTODY_RIGHTS", "DETENTION")),
    (r"decisions affecting (?:them|children)|participation of children|participation des enfants|views of (?:the )?child\w*|"
     r"opinions? de l'enfant|children's (?:councils?|parliaments?)|conseils? (?:communaux |municipaux )?(?:des|de) "
     r"(?:enfants|jeunes)|parlements? des enfants|youth councils?", ("CHILD_PARTICIPATION",)),
    (r"postes? electifs?|elective (?:posts?|offices?)|deputee?s?|members of parliament|mps|parliamentarians?|"
     r"senat(?:eurs?|rices?)|senators?|ministres?|ministers|cabinet (?:posts|ministers)|conseill(?:ers|eres) municipa(?:ux|les)|councill?ors?|mayors?|"
     r"maires?", ("REPRESENTATION",)),
    (r"(?:filles|girls) (?:de \d+ a \d+ ans |aged \d+ ?-? ?\d+ )?(?:deja )?(?:mariees|married)|married girls",
     ("CHILD_MARRIAGE", "CHILD")),
    (r"(?:economic )?empowerment|autonomisation(?: economique)?|income[- ]generating|activites generatrices de revenus|"
     r"livelihoods?|moyens de subsistance", ("ECONOMIC_EMPOWERMENT",)),
    (r"soins|appareillages?(?: orthopediques?)?|orthop(?:a)?edic\w*|prosthe\w*|protheses?|physiotherap\w*|"
     r"kinesitherap\w*|readaptation", ("HEALTH",)),
    (r"public transport|transports? (?:publics?|en commun)|buses|bus|minibuses|trains?|transport", ("TRANSPORT",)),
    (r"trafic (?:illicite )?de migrants|(?:migrant )?smuggling|smuggling of migrants|smugglers?|passeurs?",
     ("SMUGGLING",)),
    (r"reception (?:centres?|centers?|conditions|facilities)|accueil|hebergement|accommodation", ("RECEPTION",)),
    (r"emergenc(?:y|ies)|disasters?|catastrophes?|urgences?|humanitarian crises|crises humanitaires|evacuat\w*",
     ("EMERGENCY",)),
    (r"alternatives? (?:to|a la|a l') ?(?:imprisonment|detention|custody|incarceration|emprisonnement)|peines? alternatives?|"
     r"non-custodial|community service|travaux d'interet general|travail d'interet general|probation|parole|"
     r"liberation conditionnelle", ("ALTERNATIVE_SENTENCES",)),
    (r"post-election violence|violences? post-electorales?|electoral violence|election-related violence|"
     r"violences? electorales?", ("ELECTORAL_VIOLENCE", "VIOLENCE")),
    (r"large-print books|textbooks?|manuels scolaires", ("EDUCATION",)),
    (r"academic freedom|liberte academique|universitaires|academics|scholars|enseignants-chercheurs",
     ("ACADEMIC_FREEDOM",)),
    (r"electri\w*|energ(?:y|ie)|power supply|cooking stoves?|clean fuels?", ("ENERGY",)),
    (r"whipping|flogging|caning|lashes|lashing|fouet|flagellation", ("CORPORAL_PUNISHMENT",)),
    (r"(?:ethnic|racial) profiling|profiling|profilage(?: ethnique| racial)?|identity checks?|stop and search|"
     r"controles? d'identite|controles? au facies", ("PROFILING",)),
    (r"senior (?:[\w-]+ ){0,2}(?:positions?|posts?)|senior (?:officials?|civil servants?|management)|leadership positions?|management positions?|"
     r"high(?:er)? (?:governmental |government |public )?(?:posts?|offices?|positions?)|hautes? fonctions?|"
     r"postes? de haut niveau|"
     r"postes? (?:de responsabilite|de direction|de decision)|permanent secretar(?:y|ies)|heads? of (?:departments?|"
     r"agenc(?:y|ies))", ("REPRESENTATION",)),
    (r"domestic violence|violences? (?:domestiques?|conjugales?|familiales?)|intimate partner violence|protection orders?|"
     r"ordonnances? de protection|restraining orders?",
     ("VIOLENCE", "DOMESTIC_VIOLENCE")),
    (r"sexual (?:and gender-based )?violence|violences? sexuelles?(?: et sexistes)?|sexual abuses?|sexual assaults?|rapes?|viols?|"
     r"abus sexuels?|agressions? sexuelles?|(?:online )?grooming|child sexual abuse material",
     ("VIOLENCE", "SEXUAL_VIOLENCE")),
    # exploiting people for sex is what most trafficking is for (Z022)
    (r"(?:forced |commercial )?sexual exploitation|exploitation sexuelle(?: a des fins commerciales)?|(?:forced |child )?prostitution|"
     r"pedopornograph\w*|(?:child )?pornography|pornographie(?: mettant en scene des enfants)?",
     ("VIOLENCE", "SEXUAL_VIOLENCE", "SEXUAL_EXPLOITATION")),
    # Services that exist for survivors of gender-based violence.
    (r"gender (?:and children(?:'s)? )?desks?|one-stop cent(?:re|er)s?|centres? (?:integres?|de prise en charge integree)",
     ("GBV_SERVICES",)),
    (r"gender[- ]based violence|gbv|violences? (?:basees? sur le genre|sexistes|faites aux femmes|a l'egard des femmes)|"
     r"violence against women", ("VIOLENCE", "WOMEN")),
    (r"survivors?|survivantes?|survivants?", ("VIOLENCE",)),
    # beatings by or in the hands of the police are ill-treatment (G012, G018); elsewhere, violence
    (r"(?:beatings?|beaten|sevices|brutalit(?:y|ies|es)|passages? a tabac) (?:in|by|en|par|dans) (?:the |la |les )?"
     r"(?:police|custody|detention|prisons?|garde a vue|detention|policiers|gendarmes|commissariats?)|police brutality|"
     r"brutalites policieres", ("TORTURE", "VIOLENCE")),
    (r"beatings?|beaten|sevices|brutalit(?:y|ies|es)|passages? a tabac", ("VIOLENCE",)),
    # "abuse" alone may be misuse ("safeguarding against its abuse", "abuse of office"): violence only when it is done to
    # people
    (r"violences?|(?:child|physical|psychological|emotional|verbal|elder|spousal|partner) abuses?|abuses? (?:of|against|on) "
     r"(?:children|women|girls|boys|minors|persons|people|detainees|prisoners|the elderly|older persons|migrants|workers)|"
     r"(?:from|against) abuses?|abuses? (?:and|or) (?:neglect|exploitation|violence)|abus (?:physiques?|psychologiques?)|maltraitance|maltreat\w*|mistreat\w*|maltraitee?s?|attacks?|assaults?|agressions?",
     ("VIOLENCE",)),
    (r"murders?|homicides?|meurtres?|assassinats?", ("VIOLENCE", "KILLINGS")),
    (r"traffick(?:ing|ed|ers?)|traite des (?:personnes|etres humains|enfants|femmes)|la traite|trafic (?:d'etres humains|de personnes)|"
     r"victimes? de (?:la )?traite|traite d'(?:etres humains|enfants|femmes)|anti-?traite|trading in (?:human beings|persons)|"
     r"sale of (?:children|persons)|vente d'enfants", ("TRAFFICKING",)),
    (r"extra-?judicial(?: killings?| executions?)?|summary (?:or arbitrary )?executions?|arbitrary executions?|unlawful killings?|"
     r"executions? (?:extrajudiciaires?|sommaires?|arbitraires?)|killings? by (?:the )?(?:police|security forces|army|military)",
     ("EXTRAJUDICIAL_KILLINGS", "KILLINGS")),
    # the Second Optional Protocol to the ICCPR is the one aiming at the abolition of the death penalty (AC047)
    (r"second optional protocol to the (?:iccpr|international covenant on civil and political rights)|iccpr-op2|"
     r"deuxieme protocole facultatif (?:se rapportant au |au |du )?(?:pidcp|pacte international relatif aux droits civils et "
     r"politiques)", ("DEATH_PENALTY",)),
    (r"death penalty|capital punishment|death sentences?|death[- ]row|executions?|peine de mort|peine capitale|moratori(?:um|a)|"
     r"moratoires?|(?:persons|people|prisoners|individuals|men|women) executed|personnes executees|"
     r"(?:offen[cs]es|crimes) punishable by (?:the )?death(?: penalty)?|punishable by (?:the )?death|"
     r"(?:crimes?|infractions?) passibles? de (?:la )?mort|punie?s? de (?:la )?mort|capital (?:offen[cs]es|crimes|"
     r"cases|charges)|(?:crimes?|infractions?) passibles? de la peine (?:de mort|capitale)|infractions? capitales?|"
     r"condamnations? a mort|condamnes? a mort", ("DEATH_PENALTY",)),
    (r"(?:minimum )?age of criminal responsibility|age (?:minimum )?de (?:la )?responsabilite penale|"
     r"children in conflict with the law|juvenile justice|juvenile (?:detention|offenders?|facilities|centres?|centers?|"
     r"courts?|wings?)|children'?s courts?|child-friendly courts?|tribunaux? (?:pour|des) (?:enfants|mineurs)|"
     r"juges? (?:des|pour) (?:enfants|mineurs)|justice (?:pour|des) mineurs|enfants en conflit avec la loi|mineurs en conflit avec la loi|"
     r"centres? (?:de reeducation|pour mineurs)", ("JUVENILE_JUSTICE", "CHILD", "DETENTION")),
    (r"(?:are |is |be |being )?held (?:separately|together|with adults|apart|in (?:custody|detention|prisons?|cells?))|"
     r"detenus? (?:separement|avec (?:les )?adultes)", ("DETENTION",)),
    (r"pre-?trial detention|pretrial|on remand|remand(?: prisoners?)?|detention provisoire|prevenus?|"
     r"detenus? en attente de jugement", ("DETENTION", "PRETRIAL", "DETAINEES")),
    (r"interrogations?|police cells?|cellules? de garde a vue|custody|garde a vue", ("DETENTION",)),
    (r"(?:prison )?overcrowding|surpopulation(?: carcerale)?|occupancy|taux d'occupation|(?:official|prison) capacity|"
     r"capacite (?:d'accueil|carcerale)|(?:inmates|prisoners|detenus) (?:per|par|pour) (?:\d+ )?places", ("OVERCROWDING", "DETENTION")),
    (r"places? of detention|lieux de detention|prison conditions|conditions de detention", ("DETENTION",)),
    (r"prison (?:staff|officers?|guards?|officials)|agents? penitentiaires?|gardiens? de prison|personnel penitentiaire",
     ("PRISON_STAFF", "DETENTION")),
    (r"detainees?|prisoners?|inmates?|detenue?s?|suspects?|(?:persons|people) arrested|arrested persons|personnes arretees",
     ("DETENTION", "DETAINEES")),
    (r"detention|detained|incarceration|imprisonment|prisons?|jails?|carcerale?s?|penitentiaires?|custody|garde a vue|"
     r"penitentiar(?:y|ies)|correctional (?:facilit(?:y|ies)|centres?|centers?|services?|institutions?)|arbitrary arrests?|"
     r"arrestations? arbitraires?",
     ("DETENTION",)),
    # The OPCAT's national preventive mechanism visits places of detention to prevent torture.
    (r"national preventive mechanisms?|npm|mecanismes? nationa(?:l|ux) de prevention(?: de la torture)?|mnp",
     ("NPM",)),
    (r"confessions? (?:obtained|extracted|made) under (?:torture|duress|coercion)|forced confessions?|coerced confessions?|"
     r"aveux (?:forces|obtenus sous la (?:torture|contrainte))", ("TORTURE",)),
    (r"torture[ds]?|ill[- ]?treat(?:ment|ed)|cruel and unusual|inhuman or degrading|cruel,? inhuman or degrading|mauvais traitements?|traitements? (?:cruels?|inhumains?|degradants?)|"
     r"op-?cat", ("TORTURE",)),
    (r"(?:enforced|involuntary)(?: (?:or|and) involuntary)? disappearances?|disparitions? (?:forcees?|involontaires)|"
     r"(?:the )?disappeared|disparus|missing persons|personnes disparues", ("DISAPPEARANCE",)),
    (r"birth registration|birth certificates?|births? (?:have been |has been |were |are |is )?(?:registered|recorded)|registered at birth|registration of (?:all )?births|"
     r"enregistrement des (?:mariages et des )?naissances|naissances? declarees?|registration of (?:marriages and )?births|actes? de naissance|declarations? des naissances|naissances enregistrees|etat civil|"
     r"civil registration|vital statistics",
     ("BIRTH_REGISTRATION",)),
    (r"freedom of (?:opinion and )?expression|liberte d'(?:opinion et d')?expression|free speech|freedom of (?:opinion|speech)|"
     r"liberte de parole",
     ("EXPRESSION",)),
    (r"access to information|acces a l'information|right to information|freedom of information|droit a l'information",
     ("INFORMATION",)),
    (r"information", ("INFORMATION",)),
    (r"incitement to (?:ethnic|racial|religious|tribal) hatred|(?:ethnic|racial|tribal) hatred|"
     r"incitation a la haine (?:ethnique|raciale|religieuse|tribale)|haine (?:ethnique|raciale|tribale)",
     ("HATE_SPEECH", "MINORITIES")),
    # a hate crime is violence and discrimination at once (AC032)
    (r"hate crimes?|crimes? de haine|(?:hate|bias|racially|racist)[- ]motivated (?:crimes?|offen[cs]es|attacks?|violence)|"
     r"crimes? (?:racistes?|a caractere raciste)", ("HATE_SPEECH", "VIOLENCE", "DISCRIMINATION")),
    (r"hate speech|discours (?:de haine|haineux)|incitement to (?:\w+ )?(?:hatred|violence|discrimination)|"
     r"incitation a la haine(?: \w+)?|hatred|haine", ("HATE_SPEECH",)),
    (r"blasphem\w*", ("EXPRESSION", "RELIGION")),
    (r"censorship|censure|defamation|diffamation|sedition|libel|insult laws", ("EXPRESSION",)),
    (r"internet|online|en ligne|websites?|sites? (?:web|internet)|social media|reseaux sociaux|bloggers?|blogueurs?",
     ("INTERNET",)),
    (r"press|media|journalists?|presse|medias?|journalistes?|radios?|broadcast\w*|television|newspapers?|journaux|"
     r"radiodiffusion|audiovisuel(?:le)?", ("PRESS",)),
    (r"(?:voter )?turnout|taux de participation (?:electorale|aux elections)|candidates?|candidat(?:e)?s|candidatures?|"
     r"running for (?:parliament|office|election)|stand(?:ing)? for (?:parliament|office|election)|se presenter aux elections",
     ("REPRESENTATION",)),
    (r"(?:seats|sieges) (?:held|occupied|detenus|occupes) (?:by|par) (?:des |les )?(?:women|femmes)|"
     r"(?:women|femmes) (?:in|elected to|au|a l'|elues? (?:a|au|a l'))\s*(?:the )?(?:parliament|national assembly|parlement|"
     r"assemblee nationale|local councils?|conseils? (?:locaux|municipaux|communaux))", ("REPRESENTATION", "WOMEN", "PARLIAMENT")),
    (r"(?:women's |des femmes )"
     r"(?:political participation|participation (?:politique|in (?:political|public) life|a la vie "
     r"(?:politique|publique))|vie politique|vie publique|political life|public life)", ("REPRESENTATION", "WOMEN")),
    (r"participation of women in (?:political|public) life", ("REPRESENTATION", "WOMEN")),
    (r"political participation|participation (?:politique|in (?:political|public) life|a la vie (?:politique|publique))|"
     r"vie politique|vie publique|political life|public life", ("REPRESENTATION",)),
    (r"seats|sieges|(?:local|municipal|district) councils?|conseils? (?:locaux|municipaux|communaux|regionaux)|"
     r"elected office", ("PARLIAMENT", "REPRESENTATION")),
    (r"national assembly|assemblee nationale|parliament(?:ary)?|parlement(?:aire)?s?|senate|senat|legislature",
     ("PARLIAMENT",)),
    (r"peaceful assembly|freedom of assembly|reunions? (?:publiques?|pacifiques?)|reunion pacifique|demonstrat(?:ions?|ors?)|"
     r"protests?|protesters?|rassemblements?|manifestations?|manifestants?|rall(?:y|ies)|(?:protest|peaceful) marches|marches (?:pacifiques|de protestation)",
     ("ASSEMBLY",)),
    (r"freedom of association|liberte d'association|associations?|civil society|ngos?|ong|societe civile|civic space|"
     r"espace civique|trade unions?|labou?r unions?|syndicats?|syndicales?", ("ASSOCIATION",)),
    (r"activists?|militants?|whistle-?blowers?|lanceurs? d'alerte", ("HRD",)),
    (r"(?:public|legal) defenders?|defenseurs? publics?", ("LEGAL_AID", "JUSTICE")),
    (r"human rights defenders?|defenseurs? des droits (?:de l'homme|humains)|hrds?|defenders|defenseur(?:e)?s(?! publics)",
     ("HRD",)),
    (r"intimidat\w*|threats?|menaces?|reprisals?|represailles", ("HARASSMENT",)),
    (r"national (?:human rights )?(?:institution|commission)s? (?:for|on|of) human rights|national human rights "
     r"(?:institution|commission)s?|human rights commission|nhri|nhrc|nchr|uhrc|khrc|cndh|cnidh|inddh|"
     r"commission nationale (?:independante )?des droits (?:de l'homme|humains)|institutions? nationales? "
     r"(?:independantes? )?des droits (?:de l'homme|humains)|indh", ("NHRI", "COMMISSION")),
    (r"paris principles|principes de paris|ganhri|global alliance of national human rights institutions|"
     r"['\"]?a['\"]? status|statut ['\"]a['\"]", ("NHRI",)),
    (r"special procedures?|special rapporteurs?|standing invitation|procedures speciales|rapporteurs? speciaux|"
     r"invitation permanente|un mechanisms?|mecanismes? des nations unies|treaty bod(?:y|ies)|mandate[- ]holders?|"
     r"titulaires? de mandats?|working groups? on|groupe de travail sur|organes? conventionnels?|organes? de traites?",
     ("UN_MECHANISMS",)),
    (r"(?:initial|periodic|combined|state party) reports?|rapports? (?:initia(?:l|ux)|periodiques?|combines?)|"
     r"reporting obligations|obligations en matiere de (?:presentation de )?rapports?", ("REPORTING", "UN_MECHANISMS")),
    (r"access to justice|acces a la justice", ("JUSTICE",)),
    (r"(?:time|delay|period) (?:from|between) (?:arrest|charge|indictment) (?:to|and) (?:trial|judgment|verdict)|"
     r"delai (?:entre l'arrestation et le|de) (?:jugement|proces)", ("FAIR_TRIAL", "JUSTICE")),
    (r"fair trials?|fair hearings?|public hearings?|hearings? (?:held )?in public|open court|audiences? publiques?|huis clos|"
     r"audiences? (?:tenues? )?en public|"
     r"court interpreters?|interpretes? judiciaires|proces equitables?|due process|garanties? (?:judiciaires|procedurales)|"
     r"(?:within a )?reasonable time|delai raisonnable|delais? (?:moyens? )?de (?:jugement|traitement)|length of (?:trials?|proceedings)|"
     r"duree (?:moyenne )?des (?:proces|procedures)", ("FAIR_TRIAL", "JUSTICE")),
    (r"legal aid|legal assistance|legal representation|legal (?:aid )?clinics?|law clinics?|cliniques? juridiques?|"
     r"maisons? (?:de la )?justice|aide (?:juridictionnelle|juridique|legale)|assistance juridique|"
     r"paralegals?|parajuristes?|lawyers?|avocats?", ("LEGAL_AID", "JUSTICE")),
    (r"mobile courts?|audiences foraines|chambres foraines|cours? itinerantes?", ("JUSTICE",)),
    (r"justice|judicial|judiciary|judiciaire|courts?|tribunaux|tribunal|magistrature|juridictions?", ("JUSTICE",)),
    (r"judges?|juges?|magistrates?|magistrats?|prosecutors?|procureurs?", ("JUDGES", "JUSTICE")),
    (r"law enforcement(?: officials| officers| agents)?|police(?: officers?)?|policiers?|gendarmes?|gendarmerie|"
     r"forces de l'ordre", ("POLICE",)),
    (r"security forces|forces de (?:securite|defense)|armed forces|forces armees|army|military|soldiers?|armee|militaires?",
     ("SECURITY_FORCES",)),
    (r"teachers?|enseignants?|instituteurs?", ("TEACHERS", "EDUCATION")),
    (r"health workers?|midwives|midwife|nurses?|doctors?|skilled birth attendants?|sages?-femmes?|infirmiers?|infirmieres?",
     ("HEALTH_WORKERS", "HEALTH")),
    (r"(?:religious|traditional|community|local|opinion) leaders?|chefs? (?:religieux|traditionnels?|coutumiers?)|"
     r"leaders? (?:religieux|communautaires?|d'opinion)", ("LEADERS",)),
    (r"officials|civil servants|public servants|fonctionnaires|agents publics", ("OFFICIALS",)),
    (r"(?:early|teenage|adolescent|teen) pregnanc(?:y|ies)|grossesses? (?:precoces?|(?:des|chez les) adolescentes)|adolescentes enceintes|"
     r"pregnan\w* (?:among|of) (?:adolescent|teenage)\w*|pregnant (?:girls|teenagers|adolescents)|(?:begun |began )?"
     r"childbearing|adolescent births?|teenage mothers?|maternites? precoces?|naissances chez les adolescentes|"
     r"(?:natalite|fecondite|naissances) (?:chez les|des) adolescentes|adolescent (?:birth|fertility) rates?",
     ("EARLY_PREGNANCY",)),
    (r"street children|children (?:(?:living|working) )?(?:in|on) (?:the )?streets?(?: situations?)?|"
     r"enfants (?:des|de la|en situation de) rues?", ("STREET_CHILDREN", "CHILD")),
    # children at work are child labour even when the words stand apart ("children under 15 found working", G026)
    (r"(?:children|enfants|minors|mineurs)(?: [\w-]+){0,3} (?:found |caught )?(?:working|travaillant|au travail)|"
     r"(?:children|enfants|minors|mineurs)(?: [\w-]+){0,3} (?:in|from|dans|des) (?:hazardous|dangerous) (?:work|labou?r|jobs?)|"
     r"(?:children|enfants|minors|mineurs)(?: [\w-]+){0,3} (?:aux|des|dans les) travaux dangereux|"
     r"minimum age (?:for|of) (?:admission to )?(?:employment|work)|age minimum d'admission a l'emploi",
     ("CHILD_LABOUR", "CHILD")),
    (r"orphans?|orphelins?|foster (?:care|famil(?:y|ies))|without parental care|(?:prive|depourvu)e?s? (?:de )?(?:protection|"
     r"soins?|prise en charge) parentale?s?|residential (?:care|institutions?|homes?)|institutional care|children'?s homes?|"
     r"placee?s? en (?:institution|famille)|familles? d'accueil|alternative care|protection de remplacement|"
     r"orphanages?|orphelinats?", ("ALTERNATIVE_CARE", "CHILD")),
    (r"older (?:persons?|people|women|men)|elderly|senior citizens?|personnes agees|aines|aged (?:60|65) and (?:over|above)|(?:60|65) (?:years )?(?:and|or) (?:over|older)|(?:de )?(?:60|65) ans et plus|"
     r"troisieme age", ("OLDER_PERSONS",)),
    # rights holders
    (r"girls?|filles?|adolescent girls|jeunes filles", ("GIRLS", "CHILD", "WOMEN")),
    (r"mother-to-child transmission|pmtct|ptme|transmission (?:de la )?mere[- ]enfant", ("HIV", "PMTCT")),
    # before 'gender': "gender identity" names LGBTI persons, not women (L084)
    (r"lgbti?q?\+?|sexual orientation|gender identity|same-sex|homosexual(?:ity|s)?|orientation sexuelle|identite de genre|"
     r"homosexuel\w*|relations entre personnes de meme sexe|lesbians?|gays?|bisexual\w*|transgender\w*|transsexual\w*|"
     r"intersex\w*|lesbiennes?|bisexuel\w*|transgenres?|intersexes?|consenting adults|adultes consentants|"
     r"homophob\w*|transphob\w*|biphob\w*|"
     r"homosexualite", ("LGBTI",)),
    (r"gender mainstreaming|integration (?:du|de la dimension de) genre|approche genre|gender[- ](?:sensitive|responsive)|"
     r"gender perspective|perspective de genre|sensible au genre",
     ("DISCRIMINATION", "WOMEN")),
    (r"women|woman|females?|gender|femmes?|feminines?|genre|sexes|mothers?|meres?|pregnant|enceintes?", ("WOMEN",)),
    (r"pupils?|eleves?|schoolchildren|ecoliers?|ecolieres?", ("CHILD", "EDUCATION")),
    (r"children|child|childhood|minors?|juveniles?|enfants?|enfance|mineurs?|infants?|infantile|under[- ]?(?:fives?|5|18)|"
     r"boys?|garcons?|pupils?|eleves?|newborns?|nouveau-nes?|adolescents?|adolescentes?", ("CHILD",)),
    (r"youth|young people|jeunes|jeunesse", ("YOUTH",)),
    (r"disabilit(?:y|ies)|disabled|handicap(?:ee?s?)?|handicapes?", ("DISABILITY",)),
    (r"refugee convention|convention (?:on|relating to) the status of refugees|convention relative au statut des refugies",
     ("ASYLUM", "REFUGEES")),
    (r"(?:refugees?|refugies?|asylum[- ]seekers?|demandeurs? d'asile)(?: [\w'-]+){0,3} (?:returned|deported|expelled|sent back|"
     r"refoule\w*|renvoye\w*|expulse\w*|reconduit\w*)|(?:returns?|deportations?|expulsions?|refoulements?|renvois?) "
     r"(?:of|des|de) (?:rejected |failed )?(?:refugees|asylum[- ]seekers|refugies|demandeurs d'asile)", ("ASYLUM", "REFUGEES")),
    (r"unaccompanied (?:migrant |foreign )?(?:minors|children)|mineurs? (?:etrangers? )?non accompagnes?|"
     r"enfants? (?:etrangers? )?non accompagnes?", ("MIGRANTS", "CHILD")),
    (r"refugees?|refugies?|asylum[- ]seekers?|demandeurs? d'asile|unhcr|resettlement", ("REFUGEES",)),
    (r"asylum|asile|refugee status|statut de refugie|non-?refoulement", ("ASYLUM",)),
    (r"(?:workers|nationals|citizens) (?:going|working|employed) abroad|overseas (?:workers|employment)|labou?r migrants?|"
     r"emigrant workers|travailleurs? (?:a l'etranger|emigres?|expatries?)|travailleurs? partant (?:a|vers) l'etranger", ("MIGRANTS",)),
    (r"migrant workers|travailleu(?:r|se)s migrant(?:e)?s|migrante?s?|migrations?|immigrants?|immigration|immigree?s?|"
     r"foreigners|foreign (?:nationals|workers|residents|victims|women|children|students|domestic workers)|non-nationals|undocumented|irregular (?:migrants|status|situation)|"
     r"etrangers|etrangeres|travailleurs etrangers|sans-papiers|en situation irreguliere", ("MIGRANTS",)),
    (r"internally displaced(?: persons| people)?|idps?|displaced|deplacee?s?(?: internes?)?|pdi", ("DISPLACED",)),
    (r"minorit(?:y|ies)|minoritaires?|ethnic groups?|roma|sinti|gens du voyage|(?:persons?|people) of african descent|"
     r"afro-?descendants?|afro-[a-z]+|personnes d'ascendance africaine|dalits?|caste-based|castes?", ("MINORITIES",)),
    (r"indigenous(?: peoples?)?|autochtones?|batwa|pygm(?:ies|y|ees?)|tribal peoples?|aboriginal|first nations|maori|"
     r"torres strait islanders?|sami|adivasis?|peuples? tribaux|first peoples?|premieres nations|premiers peuples",
     ("INDIGENOUS",)),
    (r"racis[mt]\w*|racial(?:ly)?(?: motivated)?|xenophob\w*|raciale?s?|racistes?|race", ("RACISM", "DISCRIMINATION")),
    (r"albinism|albinos?|albinisme", ("ALBINISM",)),
    (r"stateless(?:ness)?|apatrides?|apatridie|(?:persons?|people) without (?:a |any )?nationality|sans nationalite|"
     r"(?:of )?undetermined nationality|de nationalite indeterminee", ("STATELESSNESS",)),
    (r"hiv(?:/aids)?|aids|vih(?:/sida)?|sida|pvvih|plhiv|antiretrovira\w*|arvs?", ("HIV",)),
    (r"condoms?|preservatifs?", ("HIV", "REPRODUCTIVE_HEALTH")),
    (r"tuberculosis|tuberculose", ("HEALTH",)),
    (r"mental health|sante mentale|mental illness|maladies? mentales?|psychosocial|psychiatri\w*", ("MENTAL_HEALTH", "HEALTH")),
    (r"family planning|contracepti\w*|(?:comprehensive )?sexuality education|sex education|"
     r"education (?:complete )?(?:a la sexualite|sexuelle)|planification familiale|planning familial|(?:sexual and )?reproductive health|"
     r"sante (?:sexuelle et )?(?:reproductive|de la reproduction)|antenatal|prenatale?s?|postnatale?s?|obstetric\w*|"
     r"obstetricaux|obstetricales?|caesarean|cesariennes?", ("REPRODUCTIVE_HEALTH", "HEALTH")),
    (r"deaf|sourds?|blind|aveugles?|malvoyants?|sign language|langue des signes|braille|wheelchairs?|fauteuils? roulants?|"
     r"intellectual disabilit\w*|autis\w*", ("DISABILITY",)),
    (r"malaria|paludisme|(?:bed|mosquito) ?nets?|moustiquaires?|itns?|llins?|antipaludiques?", ("MALARIA", "HEALTH")),
    (r"credit|microcredit|micro-credit|microfinance|loans?|prets?|microcredits?", ("CREDIT",)),
    (r"(?:living|live|lives|vivant|vivent|vit) (?:on|with|avec) (?:less than|under|moins de) (?:usd |us\$ ?|\$ ?)?\d|"
     r"(?:less than|moins de) (?:usd |\$ ?)?\d+(?:[.,]\d+)? (?:usd |us dollars? |dollars? )?(?:a|per|par) (?:day|jour)", ("POVERTY",)),
    (r"poverty|poor|pauvres?|pauvrete|indigents?|extreme poverty|low-income|bas revenus?|social exclusion|"
     r"exclusion sociale", ("POVERTY",)),
    (r"domestic workers?|domestic work|travailleu(?:r|se)s? domestiques?|travail domestique|employees? de maison|"
     r"private households?|menages? prives?", ("DOMESTIC_WORKERS",)),
    # phenomena and topics
    (r"maternal|maternelles?|maternity|childbirth|accouchements?|births? attended", ("MATERNAL", "HEALTH")),
    (r"mortality|mortalite|deaths?|deces|die|dying|meurent", ("MORTALITY", "HEALTH")),
    (r"vaccin\w*|immuni[sz]\w*|couverture vaccinale", ("HEALTH",)),
    (r"corruption|corrupt|bribery|bribes?|pots?-de-vin|asset declarations?|declarations? de patrimoine|illicit enrichment|"
     r"enrichissement illicite|public procurement|marches publics|passation des marches|embezzl\w*|misappropriat\w*|detournements? de (?:fonds|deniers|biens) publics|"
     r"detournements? de fonds|abuse of (?:office|power|public office)|abus de (?:fonctions?|pouvoir)|kickbacks?|graft",
     ("CORRUPTION",)),
    (r"freedom of (?:religion|belief|worship|conscience)|liberte (?:de religion|religieuse|de culte|de conscience)|"
     r"religio\w*|worship|culte|churches|eglises?|mosques?|mosquees?|muslims?|christians?|musulmans?|chretiens?|"
     r"baha'?is?|jehovah's witnesses|temoins de jehovah|conscientious objectors?|conscientious objection|"
     r"objecteurs? de conscience|objection de conscience", ("RELIGION",)),
    (r"terroris\w*|counter-terrorism|antiterroris\w*|extremis\w*", ("TERRORISM",)),
    (r"privacy|vie privee|surveillance|data protection|donnees personnelles|personal data", ("PRIVACY",)),
    (r"natural resources|ressources naturelles|forests?|forets?|reboise\w*|reforestation|afforestation|deforest\w*",
     ("ENVIRONMENT",)),
    (r"environment\w*|environnement\w*|climate|climat\w*|pollu(?:tion|tants?|ters?)|polluante?s?|rejets|deforestation|drought|secheresse|floods?|"
     r"inondations?|particulate matter|pm2\.5|pm10|air quality|qualite de l'air|emissions?", ("ENVIRONMENT",)),
    (r"agricultur\w*|agricoles?|farmers?|farming|smallholders?|agriculteurs?|paysans?|seeds?|semences?|crops?|"
     r"cultures vivrieres|harvests?|recoltes?|livestock|betail|elevage|fisheries|peche", ("AGRICULTURE",)),
    (r"diplomat\w*|ambassadors?|ambassadeurs?|ambassadrices?|foreign service", ("DIPLOMACY",)),
    (r"forced labou?r|travail force|bonded labou?r|servitude|slavery|esclavage", ("FORCED_LABOUR", "WORK")),
    (r"occupational (?:safety|health|injur\w*|accidents?|diseases?)|workplace (?:accidents?|injur\w*|safety|deaths?)|"
     r"accidents? du travail|(?:sante et )?securite au travail|maladies? professionnelles?|informal (?:sector|economy|employment|"
     r"workers?)|secteur informel|economie informelle", ("WORK",)),
    (r"labou?r|workers?|travailleurs?|minimum wage|salaire minimum|working conditions|conditions de travail|"
     r"decent work|travail decent", ("WORK",)),
    (r"marriages?|mariages?|divorce|polygam\w*|family code|code de la famille|personal status|statut personnel|dowry|"
     r"bride price", ("FAMILY_LAW",)),
    (r"identity (?:cards?|documents?)|cartes? (?:nationales? )?d'identite|pieces d'identite|passports?",
     ("IDENTITY_DOCUMENTS",)),
    (r"malnutrition|malnourished|stunting|stunted|wasting|hunger|food insecurity|faim|retard de croissance|underweight|"
     r"insuffisance ponderale|emaciation|"
     r"insecurite alimentaire|malnutris?", ("MALNUTRITION", "FOOD")),
    (r"food|nutrition|nutritional|alimentation|alimentaire|nourriture|school feeding|cantines? scolaires?|meals|repas|"
     r"supplements?|supplementation|micronutri\w*|folic acid|acide folique|vitamin\w*|complements? alimentaires",
     ("FOOD",)),
    (r"mines?|mining|miners?|minier(?:e|s|es)?|sites? miniers?|orpaillage|quarr(?:y|ies)|carrieres?", ("MINING",)),
    (r"illitera(?:cy|te)|analphabetisme|analphabetes?", ("ILLITERACY",)),
    (r"literacy|alphabetisation", ("ILLITERACY", "EDUCATION")),
    (r"stereotyp\w*|prejudices?|prejuges?|sexis[mt]\w*", ("STEREOTYPES",)),
    (r"harmful (?:traditional |cultural )?practices|pratiques (?:traditionnelles |culturelles )?(?:nefastes|prejudiciables)|"
     r"(?:cultural|customary|traditional) practices|pratiques (?:culturelles|coutumieres|traditionnelles)",
     ("HARMFUL_PRACTICES",)),
    (r"coordinat\w*|coordonn\w*", ("COORDINATION",)),
    (r"basic (?:social )?services|services sociaux de base", ("HEALTH", "EDUCATION", "WATER")),
    (r"adults?|adultes?", ("ADULTS",)),
    (r"(?:gender )?equality|egalite(?: des (?:sexes|droits|chances))?|equal (?:rights|treatment|opportunit(?:y|ies))|"
     r"non-?discrimination", ("DISCRIMINATION",)),
    (r"discriminat(?:ion|ions|ory|ed|es|ing|e)|discriminatoires?|stigma(?:tisation|tization)?|stigmatisation|inequalit(?:y|ies)|"
     r"inegalites?|tolerance|intolerance|intolerant", ("DISCRIMINATION",)),
    (r"labou?r[- ]force participation|(?:female |women's )?labou?r force|taux d'activite|employment rates?|taux d'emploi|"
     r"access to (?:decent )?(?:work|jobs|employment|the labou?r market)|acces (?:au travail|a l'emploi|au marche du travail)",
     ("EMPLOYMENT", "WORK")),
    (r"employment|employed|jobs?|posts?|recruit(?:ment|ed)|hired|emplois?|postes?|embauche|recrutement|recrutee?s?",
     ("EMPLOYMENT",)),
    (r"drop-?outs?|school dropout|abandon scolaire|out-of-school|out of school|non scolarisee?s?|hors de l'ecole|"
     r"survival rate|taux de survie|retention rate|taux de (?:retention|maintien)",
     ("DROPOUT",)),
    (r"unemployment|unemployed|chomage|chomeurs?", ("UNEMPLOYMENT",)),
    (r"bull(?:y|ying|ied)|harcelement scolaire", ("HARASSMENT", "VIOLENCE")),
    (r"harass(?:ment|ed)|harcelement", ("HARASSMENT",)),
    (r"primary health ?care|soins de sante primaires", ("HEALTH",)),
    (r"education|educational|(?:primary|secondary|pre-?primary) (?:school|education|level|cycle)s?|(?:du |le |au |en |"
     r"l'enseignement |cycle )?(?:primaire|secondaire)|completion rates?|taux d'achevement|schools?|schooling|enrol(?:l)?ment|enrol(?:l)?ed|ecoles?|enseignement|scolari(?:sation|ses?|sees?|te)|"
     r"inscrits?|classrooms?|salles? de classe|curricul(?:um|a)|programmes? scolaires?", ("EDUCATION",)),
    (r"health|healthcare|sante|sanitaires?|medical|medicaux|clinics?|hospitals?|hopitaux?|medicines?|medicaments?|"
     r"essential drugs", ("HEALTH",)),
    (r"drinking water|safe water|water|eau potable|eau|sanitation|assainissement|boreholes?|wells|forages?|puits|"
     r"latrines?|toilets?|toilettes|standpipes?|water points?|points d'eau|bornes?[- ]fontaines?|taps?|robinets?|"
     r"piped water|adduction d'eau|approvisionnement en eau|water kiosks?|kiosques? a eau|hand ?pumps?|"
     r"pompes? a motricite humaine|open defecation|defecation a l'air libre|improved (?:water|sanitation)(?: sources?| facilit\w*)?|"
     r"sources? d'eau amelioree?s?",
     ("WATER",)),
    (r"homeless\w*|sans-abri|sans domicile(?: fixe)?|sdf|slums?|bidonvilles?|informal settlements?", ("HOUSING",)),
    (r"security of tenure|tenure security|securite (?:fonciere|d'occupation)|land certificates?|certificats? fonciers?|"
     r"tenure", ("LAND", "HOUSING")),
    (r"housing|logements?|forced evictions?|evictions?|(?:forcibly )?evicted|evictees?|expulsions? forcees?|expulsions?|"
     r"deguerpi\w*", ("HOUSING",)),
    (r"land|lands|foncier(?:e|s|es)?|terres?|land (?:titles?|tenure|registration)|title deeds?|titres? fonciers?|"
     r"cadastr\w*|property rights|droits? de propriete", ("LAND",)),
    (r"inheritance|inherit|succession|heritage", ("INHERITANCE",)),
    (r"budgets?|budgetary|budgetaires?|budgeting|budgetisation|funding|funds?|financial resources|ressources financieres|financement|allocations?|"
     r"allocated|allouee?s?|dotations?|credits budgetaires|spending|expenditures?|depenses|resources|ressources",
     ("BUDGET",)),
    (r"training|trainings|trained|train|capacity[- ]building|capacit(?:y|ies)|formations?|formee?s?|renforcement des capacites|"
     r"capacites|workshops?|ateliers?", ("TRAINING",)),
    (r"awareness|sensiti[sz]ation|sensibilisation|sensibiliser|sensibilisee?s?|campaigns?|campagnes?", ("AWARENESS",)),
    (r"complaints?|plaintes?|grievances?|helplines?|hotlines?|lignes? (?:d'ecoute|vertes?)|numeros? verts?",
     ("COMPLAINTS",)),
    (r"investigat(?:e|ed|es|ion|ions|ing)|inquir(?:y|ies)|enquetes?", ("INVESTIGATION",)),
    (r"prosecut(?:e|ed|es|ion|ions|ing)|convict(?:ed|ion|ions)|trials?|judgments?|judgements?|jugements?|jugee?s?|poursuites?|"
     r"poursuivie?s?|condamnations?|condamnee?s?|sanctioned|sanctions?|disciplined", ("PROSECUTION",)),
    (r"impunity|impunite", ("IMPUNITY",)),
    (r"backlogs? of reports|overdue reports?|reports? (?:that are |which are )?overdue|rapports? en retard",
     ("REPORTING", "UN_MECHANISMS")),
    (r"backlogs?|pending cases|cases pending|case backlog|affaires pendantes|arriere judiciaire|dossiers en souffrance|"
     r"(?:affaires|dossiers|proces) en (?:instance|attente de jugement)",
     ("BACKLOG", "JUSTICE")),
    (r"independence|independent|independance|independante?s?", ("INDEPENDENCE",)),
    (r"representation|represented|decision-making|prise de decision|elected|elues?|elus|elections?|electoral|electorale?s?|"
     r"vote|votes|voting|voters?|voter registration|electeurs?|electrices?|polling stations?|bureaux de vote|electoral rolls?|"
     r"listes? electorales?",
     ("REPRESENTATION",)),
    (r"health insurance|assurance maladie|mutuelles? de sante|universal health coverage|couverture (?:maladie|sanitaire) "
     r"universelle|out-of-pocket", ("HEALTH", "SOCIAL_PROTECTION")),
    (r"social protection|social security|pensions?|protection sociale|securite sociale|cash transfers?|social insurance|"
     r"assurance sociale|"
     r"transferts? monetaires|(?:social )?safety nets?|filets sociaux", ("SOCIAL_PROTECTION",)),
    (r"nationality|citizenship|nationalite", ("NATIONALITY",)),
    (r"policy|policies|politiques?", ("POLICY",)),
    (r"(?:national )?action plans?|plans? d'action|plans?|strateg(?:y|ies)|strategies?", ("PLAN",)),
    (r"legislation|legislative|laws?|acts?|bills?|statutes?|lois?|legislatifs?|decrees?|decrets?|ordinances?|ordonnances?",
     ("LAW",)),
    (r"commissions?", ("COMMISSION",)),
]

# For relevance only: a concept that is about another one (an NPM is about detention and torture).
IMPLIED_CONCEPTS = {
    "NPM": ("DETENTION", "TORTURE"),
    "GBV_SERVICES": ("VIOLENCE", "WOMEN"),
    "SOCIAL_PROTECTION": ("POVERTY",),
    "PMTCT": ("CHILD", "WOMEN"),
    "PRESS": ("EXPRESSION",),
    "AGRICULTURE": ("FOOD",),
    "DOMESTIC_WORKERS": ("WORK",),
    "CHILD_PARTICIPATION": ("REPRESENTATION",),
    "CREDIT": ("ECONOMIC_EMPOWERMENT",),
    "DETENTION_REGISTER": ("DISAPPEARANCE",),
    # Prosecuting and investigating is how impunity ends (L143).
    "PROSECUTION": ("IMPUNITY",),
    # Contraception and reproductive health services are how early pregnancy is prevented (G015).
    "EARLY_PREGNANCY": ("REPRODUCTIVE_HEALTH",),
    "SMUGGLING": ("MIGRANTS",),
    "ACADEMIC_FREEDOM": ("EXPRESSION",),
    # an asylum application is an asylum-seeker's (Z085); not the other way: a head count of refugees does not track
    # non-refoulement (D39)
    "ASYLUM": ("REFUGEES",),
    # trafficking is for sexual exploitation or forced labour (Z022): either tracks it, not each other
    "TRAFFICKING": ("SEXUAL_EXPLOITATION", "FORCED_LABOUR"),
    "FGM": ("HARMFUL_PRACTICES",),
    # stereotypes are how discrimination against women is reproduced (CEDAW, article 5)
    "STEREOTYPES": ("DISCRIMINATION",),
    "CHILD_MARRIAGE": ("HARMFUL_PRACTICES",),
    "INTERNET": ("EXPRESSION",),
}

POPULATIONS = frozenset({
    "WOMEN", "GIRLS", "CHILD", "YOUTH", "OLDER_PERSONS", "DISABILITY", "REFUGEES", "MIGRANTS", "DISPLACED",
    "MINORITIES", "INDIGENOUS", "LGBTI", "ALBINISM", "STATELESSNESS", "DETAINEES", "HRD", "DOMESTIC_WORKERS",
})
# Populations that overlap: adolescents are both children and youth (L075).
OVERLAPPING_POPULATIONS = {"YOUTH": frozenset({"CHILD"}), "CHILD": frozenset({"YOUTH"})}
# Those who act (or are trained) rather than the subject of a right: a shared actor alone is not relevance.
ACTORS = frozenset({"POLICE", "SECURITY_FORCES", "JUDGES", "TEACHERS", "HEALTH_WORKERS", "LEADERS", "OFFICIALS",
                    "PRISON_STAFF"})
# Concerns every institution has (money, staff training, complaints, cases): sharing one of them does not make two
# named bodies or instruments the same subject.
GENERIC_CONCERNS = frozenset({"BUDGET", "TRAINING", "COMPLAINTS", "INVESTIGATION", "PROSECUTION", "INDEPENDENCE",
                              "JUSTICE", "REPRESENTATION", "EMPLOYMENT", "INFORMATION", "UN_MECHANISMS", "NHRI",
                              "VIOLENCE"})
# Means rather than subject: "raise awareness of X" is about X.
MEANS = frozenset({"AWARENESS"})
# Kinds of instruments and bodies: naming the kind alone ("a policy", "the law") names nothing.
KIND_CONCEPTS = frozenset({"POLICY", "PLAN", "LAW", "COMMISSION"})
# Social phenomena too widespread to eliminate entirely within one review cycle.
WIDESPREAD = frozenset({
    "VIOLENCE", "DOMESTIC_VIOLENCE", "SEXUAL_VIOLENCE", "FGM", "CHILD_MARRIAGE", "CORPORAL_PUNISHMENT", "POVERTY",
    "CORRUPTION", "TRAFFICKING", "MORTALITY", "CHILD_LABOUR", "MALNUTRITION", "ILLITERACY", "DISCRIMINATION",
    "EARLY_PREGNANCY", "DROPOUT", "UNEMPLOYMENT", "HIV", "HARASSMENT",
})

# Broad sectors: sharing one of them alone does not track a particular concern in it.
SECTORS = frozenset({"EDUCATION", "HEALTH", "JUSTICE", "DETENTION", "LAND", "WORK", "INTERNET"})
