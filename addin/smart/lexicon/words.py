"""Words that carry no subject of their own: stop words, weak and generic words, places.

Every pattern is matched on folded text: lower case, accents removed (see `text.fold`).
"""

from __future__ import annotations

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

# Words that only say where (the place is checked under S, not R).
PLACE_WORDS = frozenset("rural rurale rurales ruraux milieu zone zones area areas remote urban urbaine urbaines region regions "
                        "district districts province provinces home homes domicile".split())
