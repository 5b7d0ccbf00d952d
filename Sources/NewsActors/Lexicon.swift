/// Closed word classes the rules lean on. All entries are lowercase; look-ups lowercase first.
enum Lexicon {
    /// Roles that stand before a person's name ("Prime Minister Shigeru Ishiba", "Gen. Smith").
    /// Multi-word roles are listed word by word; the longest match wins.
    static let titles: [[String]] = {
        let raw = """
            prime minister|secretary general|secretary-general|foreign minister|defense minister|defence minister
            finance minister|interior minister|trade minister|economy minister|justice minister|health minister
            foreign secretary|home secretary|defense secretary|defence secretary|state secretary|secretary of state
            deputy prime minister|vice president|vice-president|vice premier|vice chairman|chief executive
            president|chancellor|premier|minister|secretary|senator|sen|rep|representative|congressman|congresswoman
            governor|gov|mayor|ambassador|envoy|king|queen|prince|princess|emperor|empress|pope|cardinal|bishop
            archbishop|rabbi|imam|sheikh|sultan|ayatollah|general|gen|admiral|adm|colonel|col|lt|lieutenant|major
            maj|captain|capt|sergeant|sgt|commander|cmdr|marshal|mr|mrs|ms|miss|dr|prof|professor|rev|reverend
            sir|dame|lord|lady|judge|justice|chairman|chairwoman|chairperson|chair|spokesman|spokeswoman
            spokesperson|director|coach|manager|striker|midfielder|defender|goalkeeper|forward|skipper
            batsman|bowler|pitcher|quarterback|leader|chief|head|boss|ceo|cfo|dictator|speaker|treasurer
            attorney general|prosecutor|commissioner|inspector|detective|officer|superintendent|president-elect
            opposition leader|party leader|foreign ministry spokesman|national security adviser|adviser|advisor
            """
        return raw.split(whereSeparator: \.isNewline).flatMap { $0.split(separator: "|") }
            .map { $0.split(separator: " ").map(String.init) }
    }()

    /// First words of roles, also with the period of an abbreviation ("gen.").
    static let titleFirstWords = WordSet(titles.flatMap { [$0[0], $0[0] + "."] })

    /// The roles by their first word, so a capitalised word is compared with its own few roles, not all of them.
    static let titlesByFirstWord: [String: [[String]]] = Dictionary(grouping: titles) { $0[0] }

    /// Words that qualify a following role: "Deputy Foreign Minister", "former President".
    static let titleModifiers: WordSet = ["deputy", "acting", "former", "vice", "interim", "assistant", "senior", "incoming", "outgoing", "first"]

    /// Last words that make a capitalised run an organisation ("Foreign Ministry", "Acme Corp").
    static let organizationHeads: WordSet = [
        "ministry", "agency", "corp", "corporation", "inc", "ltd", "co", "plc", "llc", "ag", "gmbh", "sa", "nv",
        "group", "holdings", "company", "bank", "forces", "force", "army", "navy", "council", "party", "union",
        "committee", "commission", "association", "federation", "organization", "organisation", "institute",
        "university", "college", "school", "academy", "foundation", "fund", "office", "department", "bureau",
        "authority", "board", "court", "parliament", "assembly", "congress", "senate", "cabinet", "government",
        "league", "club", "society", "alliance", "front", "movement", "brigade", "brigades", "guard", "police",
        "service", "services", "times", "post", "journal", "news", "herald", "tribune", "telegraph", "gazette",
        "press", "agency", "airlines", "airways", "motors", "industries", "systems", "technologies", "energy",
        "oil", "petroleum", "securities", "capital", "partners", "exchange", "reserve", "embassy", "consulate",
        "secretariat", "directorate", "command", "church", "mission", "network", "radio", "television", "tv",
        "united", "rovers", "athletic", "wanderers", "albion", "fc", "city", "hotspur", "county", "rangers",
        "team", "international", "communications", "electric", "airline", "trust", "institution", "chamber",
        "administration",
        // The abbreviations keep their period as part of the word (see `abbreviations`): "Salomon Brothers Inc."
        // was a person beside "Salomon Brothers Inc", an organisation.
        "inc.", "corp.", "co.", "ltd.",
    ]

    /// A company's legal form, abbreviated or not: the end of a firm's name, never a name alone.
    static let legalForms: WordSet = [
        "co", "cos", "inc", "incorporated", "corp", "ltd", "limited", "plc", "llc", "llp", "lp", "ag", "gmbh", "sa",
        "nv", "bv", "spa", "kk", "pty", "bhd",
    ]

    /// Heads that may be followed by "of"/"for" inside the same name ("Bank of Japan", "Ministry of Defence").
    static let ofHeads: WordSet = [
        "ministry", "bank", "university", "department", "council", "organization", "organisation", "union",
        "association", "federation", "institute", "church", "court", "league", "commission", "office", "board",
        "party", "academy", "college", "school", "society", "committee", "chamber", "house", "museum",
        "republic", "kingdom", "sea", "gulf", "bay", "strait", "isle", "cape", "lake", "mount", "state", "states",
        "secretary", "minister", "army", "fund", "agency", "bureau", "authority", "command", "federal", "mission",
    ]

    /// Words that may stand alone as a capitalised "head" but are generic, not a named actor.
    static let genericSingles: WordSet = [
        "ministry", "government", "parliament", "council", "party", "army", "navy", "police", "court", "office",
        "senate", "congress", "cabinet", "union", "bank", "agency", "committee", "commission", "embassy",
        "alliance", "league", "club", "group", "state", "states", "city", "team", "president", "minister",
    ]

    /// Last words that make a run a non-state place ("Taiwan Strait", "East China Sea").
    static let placeHeads: WordSet = [
        "sea", "ocean", "gulf", "bay", "strait", "straits", "river", "lake", "mountains", "mountain", "mount",
        "island", "islands", "peninsula", "valley", "coast", "province", "region", "desert", "canal", "plain",
        "basin", "heights", "hills", "district", "prefecture", "oblast", "territory", "border", "area",
        "canyon", "forest", "harbor", "harbour", "delta", "plateau", "glacier", "reef", "lagoon", "fjord",
    ]

    /// First words that make a run a place, not a person ("Lake Berryessa", "Mount Kenya", "Cape Cod", "Port Harcourt").
    static let placeFirstWords: WordSet = ["lake", "mount", "mt", "cape", "fort", "isle", "loch", "lago", "monte", "port", "puerto", "porto"]

    /// Last words of events, wars, prizes and documents: such names are not actors ("World Cup", "Gulf War").
    static let eventHeads: WordSet = [
        "cup", "open", "championship", "championships", "games", "olympics", "series", "prix", "trophy", "war",
        "revolution", "award", "awards", "prize", "tour", "classic", "masters", "marathon", "rally", "festival",
        "treaty", "accord", "accords", "agreement", "act", "index", "summit", "conference", "crisis", "era",
        "dynasty", "empire", "day", "week", "year", "season", "stadium", "arena", "park", "square", "street",
        "avenue", "road", "airport", "station", "hospital", "hotel", "motel", "bridge", "centre", "center", "hall",
        "drive", "boulevard", "crescent", "terrace", "parkway", "highway", "motorway",
        // A newsletter's or programme's name ("Morning Briefing", "Weekly Digest").
        "briefing", "newsletter", "digest", "bulletin", "roundup", "podcast",
    ]

    /// Lowercase nouns next to a lone name that make it an organisation ("carrier Lufta", "Lufta shares").
    static let organizationContext: WordSet = [
        "company", "firm", "carrier", "airline", "club", "side", "agency", "newspaper", "daily", "weekly",
        "group", "bank", "maker", "carmaker", "automaker", "giant", "unit", "subsidiary", "broker", "insurer",
        "champions", "shares", "stake", "stock", "conglomerate", "retailer", "brewer", "producer", "operator",
        "manufacturer", "distributor", "publisher", "broadcaster", "network", "party", "union", "team",
    ]

    /// Adjectives for regions, faiths and peoples: like demonyms, never an actor themselves.
    static let groupAdjectives: WordSet = [
        "european", "asian", "african", "arab", "arabic", "latin", "nordic", "scandinavian", "caribbean",
        "kurdish", "basque", "muslim", "christian", "jewish", "catholic", "protestant", "orthodox", "islamic",
        "sunni", "shiite", "shia", "hindu", "buddhist", "olympic", "western", "eastern", "soviet", "atlantic",
        "pacific", "balkan", "baltic", "slavic", "hispanic", "creole", "tamil", "sikh", "zionist", "communist",
        "socialist", "conservative", "liberal", "democratic", "republican", "labour", "federal", "national",
    ]

    /// Direction words that make "North X" / "Western Y" a place when X is one.
    static let directions: WordSet = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
        "northwest", "southeast", "southwest", "upper", "lower", "greater",
    ]

    /// Lowercase words allowed inside a person's or organisation's name.
    static let nameParticles: WordSet = ["de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "bin", "ibn", "el", "dos", "das", "del", "ter", "ten", "st"]

    /// Verbs of speech after a name: "Rutte said", "Ishiba told".
    static let reportingVerbs: WordSet = [
        "said", "says", "told", "tells", "added", "stated", "noted", "announced", "declared", "warned",
        "insisted", "explained", "argued", "wrote", "asked", "replied", "remarked", "emphasized", "emphasised",
        "stressed", "urged", "claimed", "denied", "admitted", "confirmed", "recalled", "acknowledged", "predicted",
        "believes", "thinks", "met", "visited", "resigned",
    ]

    /// Prepositions that put a following unknown single name in a place role ("in Brussels").
    static let placePrepositions: WordSet = ["in", "at", "near", "from", "outside", "to", "across", "into", "towards", "toward", "via"]

    /// The same words in German ("in" is both), for the towns that are also common words.
    static let germanPlacePrepositions: WordSet = ["aus", "nach", "bei", "nahe", "ab", "von"]

    /// Towns in the gazetteer whose name is, in news text, far more often a common word of English or
    /// German: "Man" (Côte d'Ivoire; the pronoun "man", "Man charged"), "Male" (Maldives; "zum ersten
    /// Male"), "Van" (Turkey; "Van der Bellen", a van), "Essen" (the meal). Chosen by meaning, from the
    /// gazetteer's one-word places whose lower-case form is a dictionary word (wamerican) and the German
    /// nouns among its towns; not from counts on any test set. See ``ActorExtractor/isUnplacedWordPlace``.
    static let wordPlaces: WordSet = [
        "man", "male", "van", "mango", "bimbo", "bole", "erode", "gent", "honcho", "hue", "jingling", "mantilla",
        "oral", "perm", "saga", "samba", "sari", "tamale", "warder", "bade", "barking", "archway", "centurion",
        "essen", "kita", "pest",
    ]

    /// Capitalised words that start sentences or headings but never name an actor on their own.
    static let stopWords: WordSet = {
        let raw = """
            the a an this that these those there here it its it's he she they we you i his her their our my your
            and or but nor so yet for if when while after before during since until although though because as
            according in on at by with without from into onto over under about above below between among
            through across against toward towards to of off up down out near than then thus also still however
            meanwhile moreover furthermore nevertheless nonetheless instead indeed besides otherwise therefore
            historically recently currently previously earlier later today yesterday tomorrow now again already
            what who whom whose which where why how whether all any both each every either neither some many
            much most more few several no not none one two three four five six seven eight nine ten first second
            third last next new old other another such same only just even very too well please read see
            click share follow subscribe related popular comments comment more like home news menu search
            sign log login contact about privacy terms advertisement sponsored video photo image source
            monday tuesday wednesday thursday friday saturday sunday january february march april may june july
            august september october november december date time year years week month day
            mr mrs ms dr sir yes no oh ok let lets go get got make made take took said says say told asked
            is are was were be been being has have had do does did will would shall should can could may might
            must our us them him me men women boys girls juniors seniors
            """
        return WordSet(raw.split(whereSeparator: { $0 == " " || $0.isNewline }).map(String.init))
    }()

    /// Months, weekdays and similar capitalised calendar words.
    static let calendarWords: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gmt", "utc", "est",
        "jst", "cet", "pm", "am",
    ]

    /// Numbers written as words, which a row of figures uses like digits ("loss nil vs profit one ct").
    static let numberWords: WordSet = [
        "nil", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "trillion",
        "half", "dozen", "none",
    ]

    /// Heads of public bodies whose names join two subjects with "and" ("Food and Drug Administration").
    static let jointBodyHeads: WordSet = [
        "commission", "board", "authority", "agency", "administration", "committee", "council", "bureau",
        "ministry", "department", "office", "institute", "association", "federation", "corporation", "service",
    ]

    /// Capitalised abbreviations that are not organisations.
    static let commonAcronyms: WordSet = [
        "ceo", "cfo", "coo", "gdp", "ai", "tv", "it", "ok", "pm", "am", "jst", "gmt", "utc", "est", "cet", "usd",
        "eur", "km", "kg", "mph", "faq", "pdf", "url", "dna", "hiv", "aids", "covid", "q1", "q2", "q3", "q4",
        "i", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "a", "ad", "bc", "re", "vs", "pc",
        "co2", "api", "html", "css", "gps", "usb", "seo", "vip", "diy", "pr", "hr", "ev", "suv",
    ]

    /// Abbreviations whose trailing period belongs to the word.
    static let abbreviations: WordSet = [
        "gen", "adm", "mr", "mrs", "ms", "dr", "st", "lt", "col", "sgt", "capt", "sen", "rep", "gov", "inc",
        "corp", "co", "ltd", "jr", "sr", "mt", "ft", "prof", "rev", "maj", "cmdr", "messrs", "no", "vs",
    ]
}
