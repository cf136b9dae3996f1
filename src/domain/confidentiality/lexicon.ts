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
export const PERSON_NOUN = String.raw`(?:jeune(?:\s+(?:homme|fille|femme|garcon))?|mineure?|enfant|adolescente?|ado|garcon|fillette|fille|gamine?|homme|femme|individu|personne|victime|suspecte?|prevenue?|eleve|lyceenne?|collegienne?|ecoliere?|etudiante?|interesse|interessee|patiente?|usagere?|locataire|habitante?|residente?|majeure?|auteure?|petite?|frere|soeur|cousine?|neveu|niece)`;

/** Kinship and household words: « la famille X », « le fils Y », « la mère de Kevin ». */
export const KIN = `(?:famille|fils|fille|filles|freres?|soeurs?|meres?|peres?|parents|enfants|epoux|epouse|mari|concubine?|compagnon|compagne|oncle|tante|cousine?s?|neveu|niece|grand-mere|grand-pere|grands-parents|beau-pere|belle-mere|demi-frere|demi-soeur|fratrie|clan|tribu|cadet(?:te)?|ainee?|benjamine?|jumeaux|jumelles?|jumeau|veuve|veuf|petit-fils|petite-fille|belle-fille|beau-fils|gendre)`;

/** Places and bodies named after a person: « rue Victor Hugo », « collège Louise de Savoie ». */
export const NAMED_AFTER = String.raw`(?:rue|ruelle|avenue|av|bd|boulevard|allee|place|quai|chemin|impasse|square|cours|parvis|esplanade|rond-point|pont|passage|route|residence|cite|quartier|parc|jardin|stade|gymnase|piscine|salle|espace|centre|maison|college|lycee|ecole|groupe\s+scolaire|lp|universite|institut|campus|hopital|clinique|foyer|association|fondation|federation|prix|programme|operation|plan|projet|loi|circulaire|rapport|dispositif|mediatheque|bibliotheque|theatre|musee|halle|fort|caserne|saint|sainte|st|ste|sts|mjc|club|amicale|entreprise|cabinet|societe|agence|galerie|centre\s+commercial|arret|station|gare|tour|immeuble|batiment|bat|les\s+amis\s+de)`;

/** Judicial or social-case facts about one person, as an official would jot them down. */
export const CASE_FACT = String.raw`(?:interpell\p{L}*|defere\p{L}*|convoque\p{L}*|incarcer\p{L}*|ecroue\p{L}*|detenue?s?|detention|condamne\p{L}*|mise?\s+en\s+examen|garde\s+a\s+vue|gav|fugu\p{L}*|fugue|en\s+fugue|exclue?|exclusion|descolaris\p{L}*|absenteisme|decroch\p{L}*|recidiv\p{L}*|placee?\s+(?:en|a|au|sous|chez)|placement|suivie?\s+(?:par|a)\s+(?:la\s+pjj|l'ase|le\s+spip|l'aemo|le\s+juge|un\s+educateur|une\s+educatrice|la\s+protection|le\s+ccas|la\s+mda|la\s+prevention)|aemo|ordonnance|juge\s+des\s+enfants|mesure\s+(?:educative|de\s+reparation|judiciaire|d'assistance)|controle\s+judiciaire|sursis|bracelet|rappel\s+a\s+la\s+loi|stage\s+de\s+citoyennete|signalee?|signalement|plainte|victime\s+de|agresse\p{L}*|harcel\p{L}*|frapp\p{L}*|menac\p{L}*|vol(?:e|s)?\b|cambriol\p{L}*|deal\p{L}*|trafi\p{L}*|revend\p{L}*|interdiction|expulse\p{L}*|relogee?|hebergee?|domicilie\p{L}*|mis\s+en\s+cause|auditionn\p{L}*|entendue?\s+par|connue?\s+des\s+services|sortie?\s+de\s+(?:detention|prison|cef|epm|garde)|casier|proces|jugee?|tribunal\s+pour\s+enfants|comparution)`;

/** Health facts that must never be written about a named person. */
export const HEALTH_FACT = String.raw`(?:pedopsychiatr\p{L}*|psychiatr\p{L}*|psychologue|psychologique|psychique|psychotrope|troubles?\s+(?:anxieux|du\s+comportement|psychiques?|bipolaires?|autistiques?|de\s+l'attention|alimentaires?|mentaux|dys\p{L}*|obsessionnels?|de\s+la\s+personnalite|psychotiques?)|tdah|autis\p{L}*|depress\p{L}*|suicid\p{L}*|tentative\s+de\s+suicide|\bts\b|hospitalis\p{L}*|hopital\s+psychiatrique|addiction|addict\p{L}*|toxicoman\p{L}*|dependance|sevrage|methadone|subutex|csapa|cmpp?|chs|sous\s+traitement|traitement\s+(?:medical|medicamenteux|de\s+substitution|en\s+cours|psychiatrique|contre)|medicament\p{L}*|diabet\p{L}*|epilep\p{L}*|asthm\p{L}*|handicap\p{L}*|mdph|ulis|enceinte|grossesse|ivg|vih|seropositi\p{L}*|hepatite|cancer|maladie|malade|soins\s+(?:sans\s+consentement|sous\s+contrainte|psychiatriques)|hospitalisation\s+d'office|sdre|schizophr\p{L}*|psychose|psychotique|anorexi\p{L}*|boulimi\p{L}*|automutil\p{L}*|scarifi\p{L}*|surdose|overdose|alcoolique|alcoolisme|dyslex\p{L}*|deficien\p{L}*|infirmiere\s+scolaire|medecin\s+traitant|urgences\s+psychiatriques)`;

/** Institutions and public buildings: an address next to one of these is a public place. */
export const INSTITUTION = String.raw`(?:mairies?|hotel\s+de\s+ville|commissariat|hotel\s+de\s+police|gendarmerie|brigade|prefecture|sous-prefecture|tribunal|palais\s+de\s+justice|maison\s+de\s+(?:la\s+)?justice|mjd|point\s+d'acces\s+au\s+droit|pad|france\s+services|ccas|centre\s+social|centre\s+socio-culturel|maison\s+de\s+quartier|maison\s+des\s+associations|maison\s+de\s+l'enfance|maison\s+des\s+adolescents|mda|mediatheque|bibliotheque|gymnase|college|lycee|ecole|groupe\s+scolaire|mission\s+locale|caf|cpam|france\s+travail|pole\s+emploi|hopital|centre\s+hospitalier|spip|pjj|uemo|antenne|permanences?|poste\s+de\s+police|police\s+municipale|police\s+nationale|caserne|sdis|conseil\s+departemental|departement|siege|locaux|salle|espace|maison|centre|pole|creche|stade|piscine|theatre|bailleur|agence|office|opac|cite\s+administrative|direction|csu|centre\s+de\s+supervision|association|services?\s+(?:municipaux|de\s+l'etat|departementaux)|accueil\s+de\s+jour|guichet|bureau)`;

/** Words that tell an address is someone's home, not a public place. */
export const PRIVATE_PLACE = String.raw`(?:domicil\p{L}*|habit\p{L}*|resid\p{L}*|demeur\p{L}*|chez|logement|logee?|relog\p{L}*|expuls\p{L}*|appartement|appt|famille|parents|visite\s+a\s+domicile|vad|locataire|hebergee?)`;
