"""Vocabularies (English and French) the SMART rules are written in.

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

STOPWORDS = frozenset("""
a an the of to in on for and or by with from at as is are be been being was were that this these those it its their
there which who whom whose into onto than then so such not no nor but if when where while about over under between
within without per via all any each every both either other others own same very can could should would may might must
shall will has have had do does did done his her our your they them he she we you i also well
le la les l un une des du de d au aux a et ou en par pour sur dans avec sans sous entre chez que qui quoi dont ce cet
cette ces son sa ses leur leurs notre nos votre vos se s ne pas plus moins tres ainsi afin comme lors est sont etre
ont avoir fait faire doit doivent peut peuvent y il ils elle elles on nous vous lui eux meme autres autre tout tous
toute toutes qu n j m t c during pendant durant among parmi envers towards
""".split())

# Verbs and nouns too general to say what a recommendation is about ("protect the rights of ..."): a reason
# quotes them only when nothing else is left.
WEAK_WORDS = frozenset("""protect protection protecting protected proteger protege protegee protection safeguard safeguarding
sauvegarder uphold upholding defend defending challenges problems difficulties defis problemes difficultes gap gaps
ecart ecarts""".split())

# Words present in almost every recommendation or indicator: they say what to do or how to count, not about what.
GENERIC_WORDS = frozenset("""
take taking takes taken continue continues continued continuing pursue pursuing strengthen strengthening strengthened
ensure ensuring ensured guarantee guaranteeing guaranteed promote promoting promotion improve improving improved
improvement improvements enhance enhancing enhanced increase increasing increased increases reduce reducing reduced
reduction combat combating combatting fight fighting eliminate eliminating elimination eliminated end ending ended
eradicate eradicating eradication eradicated eradiquer
prevent preventing address addressing intensify intensifying step steps measures measure efforts effort action actions
adopt adopting adopted adoption ratify ratifying ratified ratification establish establishing established establishment
create creating created creation implement implementing implementation consider considering undertake undertaking
make making provide providing provided bring bringing expedite expediting accelerate accelerating raise raising raised
respect respecting respected support supporting develop developing further effective effectively adequate adequately
necessary appropriate full fully relevant concrete specific urgent urgently possible comprehensive new existing various
easy easily efficient efficiently coherent
more greater better good high low many much also related including include includes included particular particularly
especially notably view order line accordance compliance basis conformity standards standard international national country
countries state states government governments authorities authority people persons person individuals population
rights right human number numbers percentage proportion share rate rates level levels cases case year years annual
annually total issue issues need needs able whole entire access equal equality situation progress principle principles
enjoy enjoyment exercise ensure strategy continue work working works measures step use using used put place places
remain remains keep maintain maintaining given give giving receive receiving received held hold holding carry carried
out cent percent via due based regard regarding respect aim aims towards toward through across all every some several
most least upon sure effect reach reaches reached rises rise falls fall falling rising increases decreases decrease
prendre continuer poursuivre renforcer renforcement assurer garantir veiller promouvoir ameliorer amelioration accroitre
augmenter reduire reduction lutter lutte eliminer elimination mettre mise fin place adopter adoption ratifier
ratification creer etablir envisager redoubler efforts effort intensifier notamment particulier particulierement compris
droits droit homme humains humaine personnes personne pays etat gouvernement autorites autorite national nationale
nationaux nationales effectif effective effectifs effectives efficace necessaires necessaire appropriees appropriee
adequates adequate conformite normes norme internationales internationale international internationaux urgentes urgence
supplementaires supplementaire mesures mesure nombre pourcentage proportion taux niveau niveaux cas annee annees annuel
annuelle acces egal egale egalite situation ameliore amelioree ameliores meilleur meilleure meilleurs renforce renforcee
renforces accru accrue mener faire soit prendre toutes principe principes ensemble ensuite respecter respect jouissance
exercice assurer travailler passant passe atteint atteindre hausse baisse visant vue cadre relative relatif relatifs
relatives relating concerning portant against contre conditions condition living welfare wellbeing well being vie
aimed aiming facilitate facilitating facilitated faciliter undertaken abolish abolishing abolished abolition abolir
commitment commitments committed engagement fundamental fondamentaux fondamentales fondamental global globale globaux
globales remove removing removed supprimer fonde fondee fondes fondees elaborate elaborating elaborer formulate
formulating formuler
already current currently alia inter proper incorporate incorporating incorporation emphasis proceed harmonize harmonise
form still ways practical honour approach consistent contained enforce enforcing reinforce reinforcing scope initiate
adapt available additional enable enabling introduce introducing obligations apply define move comply immediate
immediately period assess throughout responsibilities fulfil fulfilling means reviewing according position recognizing
recognise recognize outstanding priority actively context examine explicit explicitly modify mind faced account role
matters initiatives clear requirements reconsider manner soon spheres best consolidate consolidating
complete required result targeted advance conclude speed changes change prioritize prioritise design cease resolve
putting structures applicable deal regardless keeping allow allowing attention inform lead major potential phenomenon
part facing thus focus stipulated important meet problem bearing quickly swiftly following situations importance
sharing designed addition certain becoming expanding expand opportunity mentioned large forward example terms matter
recognized timely obtain circumstances permit range obstacles sufficient
deja actuel actuelle actuellement incorporer harmoniser approche conforme appliquer definir respecter
immediat immediatement periode evaluer obligations examiner priorite prioritaire contexte modifier tenir compte role
initiatives claire exigences reconsiderer maniere bientot domaines meilleures consolider achever resultat
cibles cibler avancer conclure accelerer changements cesser resoudre structures applicable permettre permettant
attention informer importance facon rapidement suivants situations partager obstacles suffisant suffisante
suffisants suffisantes launch launching lancer affect affecting affects translate translating
encourage encouraging encouraged encourager
bien etre
""".split())

COUNTABLE_NOUNS = (
    r"cases?|cas|people|persons?|personnes?|victims?|victimes?|complaints?|plaintes?|reports?|rapports?|trials?|"
    r"schools?|ecoles?|officers?|agents?|households?|menages?|districts?|villages?|families|familles|students?|"
    r"births?|naissances?|deaths?|deces|attacks?|incidents?|visits?|sessions?|workshops?|ateliers?|judgments?|"
    r"jugements?|communities|communautes|centres?|centers?|shelters?|clinics?|stations?|posts?|offices?"
)
VAGUE_STATE = (
    r"respect|improved?|improvements?|better|enhanced?|strengthened|reinforced|raised|promoted|ensured|guaranteed|respected|upheld|"
    r"fostered|advanced|effective(?:ly)?|good|situation|capacit(?:y|ies)|awareness|adequate|sufficient|greater|increased|"
    r"reduced|sensiti[sz]ed|progress|ameliore(?:e|s|es)?|amelioration|meilleure?s?|renforcee?s?|renforcement|accrue?s?|"
    r"sensibilisation|sensibilisee?s?|promue?s?|garantie?s?|respectee?s?|effective?s?|effectifs?|bonne|capacites|efficace|"
    r"davantage|reduite?s?|progres"
)

UNIT = (
    r"numbers?|nombre|count|#|total|percentages?|percent|per ?cent|%|pourcentage|pour ?cent|proportions?|share|part|ratio|"
    r"rates?|taux|amounts?|montants?|budgets?|allocations?|allocated|allouee?s?|expenditures?|spending|depenses|prevalence|"
    r"incidence|per (?:1|10|100)[ ,.]?0{3}|concentration|mean|delais? moyens?|durees? moyennes?|temps moyen|µg/m3|ug/m3|hectares?|km|kilomet(?:re|er)s?|litres?|liters?|tonnes?|pour (?:1|10|100)[ ,.]?0{3}|average|moyenne|coverage|couverture|index|indice|"
    r"usd|\$|eur|rwf|frw|ugx|kes|tzs|fcfa|cfa|xof|xaf|bif|cdf|mga|gnf"
)

STRUCTURAL_EVENT = (
    r"adopted|adoption|ratified|ratification|acceded|accession|established|establishment|enacted|enactment|promulgated|"
    r"promulgation|passed|published|publication|created|creation|set up|operational|operationali[sz]ed|launched|amended|"
    r"amendment|repealed|repeal|abolished|abolition|criminali[sz]ed|criminali[sz]ing|signed|deposited|validated|approved|"
    r"designated|gazetted|entered into force|in force|issued|assented|included|integrated|introduced|incorporated|"
    r"declared|extended|submitted|accredited|declaree?s?|adressee?s?|soumise?s?|accreditee?s?|"
    r"inclu(?:s|se|ses)|integree?s?|introduite?s?|"
    r"adoptee?s?|ratifiee?s?|promulguee?s?|creee?s?|mise? en place|etablie?s?|instituee?s?|publiee?s?|votee?s?|abrogee?s?|"
    r"modifiee?s?|revisee?s?|abolie?s?|operationnelle?s?|signee?s?|validee?s?|approuvee?s?|entree? en vigueur|en vigueur|"
    r"deposee?s?|revised|withdrawn|lifted|appointed|conducted|carried out|completed|held|removed|deleted|"
    r"supprimee?s?|retiree?s?|designee?s?|lancee?s?|levee?s?|achevee?s?|incriminee?s?|erigee?s? en infraction|effectuee?s?|"
    r"realisee?s?|tenue?s?|menee?s?"
)

# Recommendation verbs asking for a structural change; the phrase after them is the thing to name.
STRUCTURAL_REQUEST = (
    r"ratify|ratifying|accede to|adopt|adopting|enact|enacting|establish|establishing|create|creating|set up|setting up|"
    r"amend|amending|revise|revising|repeal|repealing|abolish|abolishing|criminali[sz]e|criminali[sz]ing|pass|passing|"
    r"promulgate|(?:adoption|ratification|establishment|enactment|creation|revision|amendment) of|"
    r"ratifier|adherer a|adopter|promulguer|creer|etablir|mettre en place|instituer|reviser|modifier|abroger|abolir|voter|"
    r"incriminer|eriger en infraction|(?:l')?adoption d[eu]s?|(?:la )?ratification d[eu]s?|(?:la )?creation d[eu]s?|"
    r"(?:la )?revision d[eu]s?"
)
OBJECT_BOUNDARY = (
    r",|;|\.|\bin line with\b|\bin accordance\b|\bconsistent with\b|\bin (?:full )?compliance\b|\bin conformity\b|"
    r"\bcompliant with\b|\bby\b|\bincluding\b|\bin particular\b|\bparticularly\b|\bespecially\b|\bnotably\b|\band (?=[a-z]+ )|"
    r"\bconformement\b|\ben conformite\b|\bafin\b|\bpour\b(?! (?:les )?(?:mineurs|enfants)\b)|\ben vue\b|\bnotamment\b|\by compris\b|\bet (?=[a-z]+ )"
)

# Where a recommendation asks for something ("health care in rural areas"): the indicator or the goal must
# say where too. Each family: the words that name it in a recommendation, and those that name it in a row.
PLACES = {
    "rural": (r"rural|rurales?|ruraux|remote areas?|zones? reculees?|zones? enclavees?|isolated areas?|countryside",
              r"rural|rurales?|ruraux|remote|reculees?|enclavees?|isolated|villages?|countryside|campagnes?"),
    "informal settlements": (r"informal settlements?|slums?|bidonvilles?|quartiers? precaires?|quartiers? informels?",
                             r"informal settlements?|slums?|bidonvilles?|quartiers? precaires?|quartiers? informels?"),
}

# "in particular women and children": what follows names a specific population, place or practice.
NAMED_ITEM_INTRO = (
    r"in particular|particularly|especially|notably|including|such as|with a focus on|"
    r"notamment|en particulier|particulierement|y compris|surtout|specialement"
)
REFERENCE_INTRO = (
    r"(?:in line with|in accordance with|consistent with|in (?:full )?compliance with|in conformity with|compliant with|"
    r"compl(?:y|ies|ying) (?:fully )?with|conforms? to|se conforme(?:r)? (?:aux?|a)|to implement|pour mettre en oeuvre|"
    r"implementing (?:legislation|laws?) (?:before the parliament )?(?:for|of|on)|legislation (?:to implement|implementing)|"
    r"lois? d'application (?:de|du|des)|"
    r"cooperat\w* with|cooperer avec|cooperation avec|collaborat\w* with|"
    r"pursuant to|under|as required by|as provided (?:for )?(?:in|by)|conformement (?:aux?|a)|en conformite avec|conforme (?:aux?|a)|"
    r"selon|au titre de|en vertu de|dans le respect de)\s+(?:the\s+|la\s+|le\s+|les\s+|l')?(?:\d{4}\s+)?$"
)
# Nouns after which "of the X" is still the thing acted on ("adoption of the Bill").
PROCESS_NOUNS = frozenset("""
adoption ratification accession implementation establishment creation enactment revision review amendment
independence strengthening mandate budget resources capacity functioning effectiveness work role operationalization
operationalisation independance renforcement fonctionnement mandat application oeuvre revision ressources moyens
financial financieres financiers humaines human budgetary budgetaires
""".split())

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
# A bare count of inputs ("Number of schools built", "Nombre de véhicules acquis pour ..."): it tracks a sector,
# not a particular concern within it.
GENERIC_INPUT_COUNT = (
    r"^(?:total )?(?:number|nombre) (?:of|de|d')\s*(?:[\w'-]+ ){0,3}?(?:built|constructed|construite?s?|renovated|"
    r"renovee?s?|purchased|acquired|acquise?s?|achetee?s?|bought|recruited|recrutee?s?|appointed|nommee?s?|admitted|"
    r"opened|ouverte?s?|painted|repainted|peinte?s?|distributed|distribuee?s?|rebuilt|reconstruite?s?|connected|raccordee?s?|"
    r"added|ajoutee?s?|installed|installee?s?|supplied|equipped|equipee?s?)(?:\s+(?:for|pour|in|dans|by|par|to|au|a)\s.*)?$|"
    r"^(?:number|nombre) (?:of|de) (?:hospital )?beds$"
)
# Words that only say where (the place is checked under S, not R).
PLACE_WORDS = frozenset("rural rurale rurales ruraux milieu zone zones area areas remote urban urbaine urbaines region regions "
                        "district districts province provinces home homes domicile".split())
# Broad sectors: sharing one of them alone does not track a particular concern in it.
SECTORS = frozenset({"EDUCATION", "HEALTH", "JUSTICE", "DETENTION", "LAND", "WORK", "INTERNET"})
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

# Indicator type (OHCHR): what a process indicator counts.
PROCESS_WORDS = (
    r"trained|training|trainings|workshops?|sessions?|campaigns?|inspections?|visits?|prosecut\w*|investigat\w*|"
    r"convict\w*|handled|resolved|processed|judgments?|judgements?|budget|allocated|allocation|expenditure|spending|funds|"
    r"issued|delivered|built|opened|rehabilitated|recruited|deployed|organi[sz]ed|conducted|carried out|referred|"
    r"assisted|supported|rescued|grants?|disciplined|sanctioned|released|registered|reports submitted|"
    r"formee?s?|formations?|ateliers?|campagnes?|poursuivie?s?|poursuites?|condamnations?|jugements?|enquetes?|allouee?s?|"
    r"delivree?s?|construite?s?|recrutee?s?|organisee?s?|liberee?s?|assistee?s?|creee?s?|rendus?"
)
OUTCOME_WORDS = (
    r"prevalence|incidence|mortality|mortalite|rate|taux|ratio|life expectancy|esperance de vie|literacy|"
    r"alphabetisation|completion|achevement|enrol\w*|scolaris\w*|share of|proportion of|percentage of|pourcentage de|"
    r"proportion de|part des?|seats held|sieges|married|mariees?|living|vivant|access to|acces a|stunting|malnutrition|"
    r"who report|qui declarent|victims?|victimes?|cases of|cas de"
)

# Subjects that sit side by side in one field and are not each other: an indicator on one does not track a
# recommendation on another ("tertiary education" under primary education, "freedom of association" under peaceful
# assembly, child mortality under maternal mortality). Each family: member -> its words. An indicator that names a
# member of a family, and none of the members the recommendation names, is about another subject.
CONTRASTS: dict[str, dict[str, str]] = {
    "education level": {
        "pre-primary": r"pre-?primary|pre-?school|early childhood education|prescolaire|(?:ecole|enseignement) maternelle",
        "primary": r"(?:primary|elementary) (?:schools?|education|level|cycle|enrol\w*|completion|pupils|classes)|"
                   r"(?:ecoles?|enseignement|cycle|niveau|eleves|scolarisation) (?:du |au )?primaire|"
                   r"(?:au|le|du|en) primaire",
        "secondary": r"secondary|secondaire|lower secondary|upper secondary|lycees?|colleges? d'enseignement",
        "tertiary": r"tertiary|higher education|universit(?:y|ies|aires?|es?)|enseignement superieur|etudiants?",
    },
    "whose mortality": {
        "maternal": r"maternal (?:mortality|deaths?)|mortalite maternelle|deces maternels?|women dying in childbirth|"
                    r"femmes meurent en couches",
        "child": r"(?:infant|child|under-?(?:five|5)|neonatal|newborn) (?:mortality|deaths?)|"
                 r"(?:maternal|maternelle) (?:and|et) (?:infant|child|infantile|neonatal|neonatale)|mortalite (?:infantile|"
                 r"infanto-juvenile|neonatale|des enfants|des moins de (?:cinq|5) ans)|deces (?:d'enfants|neonatals?)",
    },
    "disease": {
        "hiv": r"hiv(?:/aids)?|aids|vih(?:/sida)?|sida|pvvih|plhiv|antiretrovira\w*",
        "tuberculosis": r"tuberculosis|tuberculose|tb",
        "malaria": r"malaria|paludisme",
        "measles": r"measles|rougeole",
        "cholera": r"cholera",
        "hepatitis": r"hepatitis|hepatite",
        "cancer": r"cancers?",
    },
    "freedom": {
        "assembly": r"(?:peaceful )?assembly|reunions? (?:publiques?|pacifiques?)|reunion pacifique|demonstrat(?:ions?|ors?)|"
                    r"protests?|protesters?|rassemblements?|manifestations?|manifestants?",
        "association": r"association|associations?|ngos?|ong|non-governmental organi[sz]ations?|trade unions?|syndica\w*",
        "expression": r"expression|press|presse|journalists?|journalistes?|media|medias?|censorship|censure",
        "religion": r"religio\w*(?! (?:and \w+ |or \w+ )?leaders)|belief|croyances?|worship|culte|blasphem\w*",
    },
    "harmful practice": {
        "fgm": r"female genital mutilations?|fgm|genital cutting|excision|mutilations? genitales?|mgf|excis\w*|cutting",
        "child marriage": r"(?:child|early|forced) marriages?|mariages? (?:d'enfants|des enfants|precoces?|forces?)|"
                          r"married before|mariee?s? avant",
        "corporal punishment": r"corporal punishments?|chatiments? corporels?|physical punishment|caning|flogging",
        "trafficking": r"traffick\w*|traite des (?:personnes|etres humains|enfants|femmes)|la traite|trading in human beings",
        "smuggling": r"smuggl\w*|passeurs?|trafic (?:illicite )?de migrants",
        "sexual harassment": r"sexual harassment|harcelement sexuel",
        "domestic violence": r"domestic violence|violences? (?:domestiques?|conjugales?)|intimate partner violence",
        "attacks on journalists and defenders": r"(?:attacks?|assaults?|violence|threats?|killings?|murders?|agressions?|"
                                                r"menaces?) (?:on|against|of|contre) (?:des |les )?(?:journalists?|media workers|"
                                                r"human rights defenders|defenders|activists|journalistes?|defenseurs?)|"
                                                r"(?:journalists?|defenders|journalistes?) (?:from|against|contre) (?:attacks?|"
                                                r"violence|threats?|agressions?)",
    },
    "ground of discrimination": {
        "race": r"racial|racis\w*|xenophob\w*|ethnic origin|origine ethnique|raciale?s?",
        "sex": r"discrimination (?:against|a l'egard des|envers les|contre les) (?:women|femmes)|gender discrimination|"
               r"sex discrimination|discrimination (?:fondee sur|on the basis of|based on) (?:le )?(?:sexe|sex|gender)|sexis\w*",
        "disability": r"discrimination (?:against|on the basis of|based on|on grounds of|a l'egard des) (?:persons with |"
                      r"personnes )?(?:disabilit\w*|handicap\w*)",
        "sexual orientation": r"sexual orientation|gender identity|homophob\w*|transphob\w*|orientation sexuelle|"
                              r"identite de genre",
    },
    "participation": {
        "political": r"political (?:participation|life)|public life|vie (?:politique|publique)|decision-making|"
                     r"prise de decision|elected|elues?|elus|seats|sieges|parliament|parlement",
        "labour market": r"labou?r (?:force|market)|marche du travail|taux d'activite|employment rate|taux d'emploi",
    },
    "UN mechanism": {
        "treaty bodies": r"treaty bod(?:y|ies)|organes? (?:conventionnels?|de traites?)|periodic reports?|rapports? periodiques?",
        "special procedures": r"special procedures?|special rapporteurs?|rapporteurs? speciaux|procedures speciales|"
                              r"working groups? on|groupes? de travail sur|mandate[- ]holders?|titulaires? de mandats?|"
                              r"standing invitation|invitation permanente",
    },
    "housing": {
        "evictions": r"(?:forced )?evictions?|(?:forcibly )?evicted|evictees?|expulsions? (?:forcees?|de logements?)|deguerpi\w*",
        "housing supply": r"(?:social|affordable|low-cost|public) housing(?: units)?|housing units|(?:houses|homes|dwellings) "
                          r"(?:built|constructed|delivered)|logements? sociaux|logements? (?:construits|livres)",
    },
    "registration": {
        "birth": r"births?|naissances?",
        "identity card": r"identity cards?|cartes? (?:nationales? )?d'identite",
        "voter": r"voters?|electeurs?|electoral rolls?|listes? electorales?",
    },
}
