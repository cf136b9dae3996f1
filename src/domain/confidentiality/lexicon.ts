// Words the rules share, as regex sources over the folded view (accents stripped, case kept: every
// regex built from them takes the « i » flag). Kept together so that each kind is said once.

/** An age in figures or in words, as ages of young people are written. */
export const AGE_NUMBER = String.raw`(?:\d{1,2}|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf|vingt)`;

/** « ans » of an age, not of a duration or a range: « 13 ans », « 13ans », « 13 ans et demi ». */
export const AGE_YEARS = String.raw`\s*ans(?![\p{L}\p{N}_])(?!\s*(?:de\s+(?!plus\b|moins\b)|d'|a\s+\d|-\s*\d|ou\s+\d|plus\s+tard|apres|d'existence|pour\b))`;

const MONTHS = `(?:janv(?:ier)?|fevr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|aout|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|dec(?:embre)?|january|february|march|april|june|july|august|september|october|november|december)`;

/** A full date (day, month, year) in figures, ISO or words; a year alone only between brackets. */
export const FULL_DATE = String.raw`(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}(?:er)?\s+${MONTHS}\.?\s+(?:19|20)?\d{2}|${MONTHS}\s+(?:19|20)\d{2})(?![\p{N}])`;

/** A year or a date someone could be born in, after « né en », « ° », « DDN »… */
export const BIRTH_WHEN = String.raw`(?:${FULL_DATE}|(?:19|20)\d{2}(?![\p{N}])|\d{1,2}(?:er)?\s+${MONTHS})`;

/** Singular nouns that designate one person. */
export const PERSON_NOUN = String.raw`(?:jeune(?:\s+(?:homme|fille|femme|garcon))?|mineure?|enfant|adolescente?|ado|garcon|fillette|fille|gamine?|homme|femme|individu|personne|victime|suspecte?|prevenue?|eleve|lyceen(?:ne)?|collegien(?:ne)?|ecoliere?|etudiante?|interesse|interessee|patiente?|usagere?|locataire|habitante?|residente?|majeure?|auteure?|petite?|frere|soeur|cousine?|neveu|niece)`;

/** Kinship and household words: « la famille X », « le fils Y », « la mère de Kevin ». */
export const KIN = `(?:famille|fils|fille|filles|freres?|soeurs?|meres?|peres?|parents|enfants|epoux|epouse|mari|concubine?|compagnon|compagne|oncle|tante|cousine?s?|neveu|niece|grand-mere|grand-pere|grands-parents|beau-pere|belle-mere|demi-frere|demi-soeur|fratrie|clan|tribu|cadet(?:te)?|ainee?|benjamine?|jumeaux|jumelles?|jumeau|veuve|veuf|petit-fils|petite-fille|belle-fille|beau-fils|gendre)`;

/** Places and bodies named after a person: « rue Victor Hugo », « collège Louise de Savoie ». */
export const NAMED_AFTER = String.raw`(?:rue|ruelle|avenue|av|bd|boulevard|allee|place|quai|chemin|impasse|square|cours|parvis|esplanade|rond-point|pont|passage|route|residence|cite|quartier|parc|jardin|stade|gymnase|piscine|salle|espace|centre|maison|college|lycee|ecole|groupe\s+scolaire|lp|universite|institut|campus|hopital|clinique|foyer|association|fondation|federation|prix|programme|operation|plan|projet|loi|circulaire|rapport|dispositif|mediatheque|bibliotheque|theatre|musee|halle|fort|caserne|saint|sainte|st|ste|sts|mjc|club|amicale|entreprise|cabinet|societe|agence|galerie|centre\s+commercial|arret|station|gare|tour|immeuble|batiment|bat|les\s+amis\s+de)`;

/**
 * Judicial or social-case facts about one person, as an official would jot them down: what
 * happened to someone (participles and verbs), not the topics a professional works on
 * (« Marc, éducateur, présente l'action contre le décrochage » names no case).
 */
export const CASE_FACT = String.raw`(?:interpellee?|defere(?:e|s)?|convoquee?|incarceree?|ecrouee?|detenue?|en\s+detention|condamnee?|mise?\s+en\s+examen|(?:en|sa|une|la|de)\s+garde\s+a\s+vue|gav|fugu(?:e|ee|ait|era)|fugueu(?:r|se)|en\s+fugue|exclue?\s+(?:du|de|definitivement|temporairement|\d)|descolarisee?|decrochee?|recidivistes?|a\s+recidive|placee?\s+(?:en|a|au|sous|chez)|suivie?\s+(?:par|a)\s+(?:la\s+pjj|l'ase|le\s+spip|l'aemo|le\s+juge|un\s+educateur|une\s+educatrice|la\s+protection\s+de\s+l'enfance|le\s+ccas|la\s+mda|la\s+prevention)|sous\s+controle\s+judiciaire|sous\s+bracelet|avec\s+sursis|signalee?\s+(?:pour|par|au|a|comme|absente?|disparue?)|portee?\s+disparue?|victime\s+d[e']|agressee?|harcelee?|frappee?|menacee?|a\s+menace|volee?\s+(?:a|par)|a\s+vole|cambriolee?|deal(?:e|ait|ent)|revend(?:ait|ent)?\s|expulsee?|relogee?|hebergee?\s+(?:chez|par|en|au)|domiciliee?|auditionnee?|entendue?\s+(?:par|comme)|connue?\s+des\s+services|sort(?:ie|ira|ait|ant|ent|e)?\s+de\s+(?:detention|prison|cef|epm|garde\s+a\s+vue|maison\s+d'arret)|casier\s+judiciaire|jugee?\s+(?:en|par|pour|le)|comparait|a\s+porte\s+plainte|porte\s+plainte\s+contre)`;

/** Health facts that must never be written about a named person. */
export const HEALTH_FACT = String.raw`(?:pedopsychiatr\p{L}*|psychiatr\p{L}*|psychologue|psychologique|psychique|psychotrope|troubles?\s+(?:anxieux|du\s+comportement|psychiques?|bipolaires?|autistiques?|de\s+l'attention|alimentaires?|mentaux|dys\p{L}*|obsessionnels?|de\s+la\s+personnalite|psychotiques?)|tdah|autis\p{L}*|depress\p{L}*|suicid\p{L}*|tentative\s+de\s+suicide|mettre\s+fin\s+a\s+ses\s+jours|idees\s+noires|crises?\s+d'angoisse|angoisses?|anxiet\p{L}*|anxieu\p{L}*|phobi\p{L}*|souffre\s+de|stress\s+post-traumatique|psychotraumat\p{L}*|\bts\b|hospitalis\p{L}*|hopital\s+psychiatrique|addiction|addict\p{L}*|toxicoman\p{L}*|dependance|sevrage|methadone|subutex|csapa|cmpp?|chs|sous\s+traitement|traitement\s+(?:medical|medicamenteux|de\s+substitution|en\s+cours|psychiatrique|contre)|medicament\p{L}*|diabet\p{L}*|epilep\p{L}*|asthm\p{L}*|handicap\p{L}*|mdph|ulis|enceinte|grossesse|ivg|vih|seropositi\p{L}*|hepatite|cancer|maladie|malade|soins\s+(?:sans\s+consentement|sous\s+contrainte|psychiatriques)|hospitalisation\s+d'office|sdre|schizophr\p{L}*|psychose|psychotique|anorexi\p{L}*|boulimi\p{L}*|automutil\p{L}*|scarifi\p{L}*|surdose|overdose|alcoolique|alcoolisme|dyslex\p{L}*|deficien\p{L}*|infirmiere\s+scolaire|medecin\s+traitant|urgences\s+psychiatriques)`;

/** Institutions and public buildings: an address next to one of these is a public place. */
export const INSTITUTION = String.raw`(?:mairies?|hotel\s+de\s+ville|commissariat|hotel\s+de\s+police|gendarmerie|brigade|prefecture|sous-prefecture|tribunal|palais\s+de\s+justice|maison\s+de\s+(?:la\s+)?justice|mjd|point\s+d'acces\s+au\s+droit|pad|france\s+services|ccas|centre\s+social|centre\s+socio-culturel|maison\s+de\s+quartier|maison\s+des\s+associations|maison\s+de\s+l'enfance|maison\s+des\s+adolescents|mda|mediatheque|bibliotheque|gymnase|college|lycee|ecole|groupe\s+scolaire|mission\s+locale|caf|cpam|france\s+travail|pole\s+emploi|hopital|centre\s+hospitalier|spip|pjj|uemo|antenne|permanences?|poste\s+de\s+police|police\s+municipale|police\s+nationale|caserne|sdis|conseil\s+departemental|departement|siege|locaux|salle|espace|maison|centre|pole|creche|stade|piscine|theatre|bailleur|agence|office|opac|cite\s+administrative|direction|csu|centre\s+de\s+supervision|association|services?\s+(?:municipaux|de\s+l'etat|departementaux)|accueil\s+de\s+jour|guichet|bureau)`;

/** Words that tell an address is someone's home, not a public place. */
export const PRIVATE_PLACE = String.raw`(?:domicil\p{L}*|habit\p{L}*|resid\p{L}*|demeur\p{L}*|chez|logement|logee?|relog\p{L}*|expuls\p{L}*|appartement|appt|famille|parents|visite\s+a\s+domicile|vad|locataire|hebergee?)`;
