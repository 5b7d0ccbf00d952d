/// British spellings rewritten to their American form before stemming, on both sides (it is
/// normalisation, not a synonym): `defence` → `defense`, `organisation` → `organization`,
/// `programme` → `program`, `colour` → `color`.
///
/// Three curated rules, each conservative so that unrelated words stay untouched:
/// - an explicit word list (`defence`, `centre`, `travelled`, …) with its inflections;
/// - `-our` → `-or` only for listed words (`colour`, `labour`, …), with their suffixes
///   (`labourers`, `favourite`), never `hour`, `four` or `tour`;
/// - `-is-` → `-iz-` only after listed stems (`organ|ise`, `real|ised`, `civil|isation`), never
///   `exercise`, `promise` or `surprise`.
enum SpellingVariants {
    /// Rewrites the lower-case ASCII word in place; returns its new length.
    static func normalize(_ term: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        if let entry = words.find(term, count) { return words.copyValue(of: entry, to: term) }
        guard count >= 5 else { return count }
        var k = 1
        while k + 2 < count {
            let c = term[k]
            if c == UInt8(ascii: "o"), term[k + 1] == UInt8(ascii: "u"), term[k + 2] == UInt8(ascii: "r"),
                ourWords.contains(term, k + 3), ourSuffixes.contains(term + k + 3, count - k - 3)
            {
                for j in (k + 1)..<(count - 1) { term[j] = term[j + 1] }
                return count - 1
            }
            if c == UInt8(ascii: "i"), term[k + 1] == UInt8(ascii: "s"), k >= 3,
                iseSuffixes.contains(term + k + 2, count - k - 2), iseStems.contains(term, k)
            {
                term[k + 1] = UInt8(ascii: "z")
                return count
            }
            k += 1
        }
        return count
    }

    static let words = TermTable(inflected([
        ("defence", "defense", ["", "s", "less"]), ("offence", "offense", ["", "s"]),
        ("licence", "license", ["", "s"]), ("pretence", "pretense", ["", "s"]),
        ("programme", "program", ["", "s"]), ("catalogue", "catalog", ["", "s", "d"]),
        ("centre", "center", ["", "s", "d"]), ("centring", "centering", [""]),
        ("theatre", "theater", ["", "s"]), ("metre", "meter", ["", "s"]), ("kilometre", "kilometer", ["", "s"]),
        ("litre", "liter", ["", "s"]), ("fibre", "fiber", ["", "s"]), ("calibre", "caliber", [""]),
        ("manoeuvre", "maneuver", ["", "s", "d"]), ("manoeuvring", "maneuvering", [""]),
        ("travell", "travel", ["ed", "ing", "er", "ers"]), ("cancell", "cancel", ["ed", "ing"]),
        ("labell", "label", ["ed", "ing"]), ("modell", "model", ["ed", "ing"]), ("fuell", "fuel", ["ed", "ing"]),
        ("signall", "signal", ["ed", "ing"]), ("levell", "level", ["ed", "ing"]),
        ("counsell", "counsel", ["ed", "ing", "or", "ors"]), ("jewellery", "jewelry", [""]),
        ("aluminium", "aluminum", [""]), ("grey", "gray", ["", "s"]), ("sceptic", "skeptic", ["", "s", "al", "ism"]),
        ("ageing", "aging", [""]), ("judgement", "judgment", ["", "s"]),
        ("acknowledgement", "acknowledgment", ["", "s"]), ("enrolment", "enrollment", ["", "s"]),
        ("fulfil", "fulfill", ["", "s"]), ("fulfilment", "fulfillment", [""]),
        ("instalment", "installment", ["", "s"]), ("plough", "plow", ["", "s", "ed"]),
        ("mould", "mold", ["", "s", "ed", "y"]), ("smoulder", "smolder", ["", "s", "ed", "ing"]),
        ("gaol", "jail", ["", "s", "ed"]), ("pyjamas", "pajamas", [""]), ("paediatric", "pediatric", ["", "s"]),
        ("anaemia", "anemia", [""]), ("haemorrhage", "hemorrhage", ["", "s"]), ("oestrogen", "estrogen", [""]),
        ("encyclopaedia", "encyclopedia", [""]), ("mediaeval", "medieval", [""]),
        ("analys", "analyz", ["e", "ed", "ing", "er", "ers"]), ("paralys", "paralyz", ["e", "ed", "ing"]),
        ("catalys", "catalyz", ["e", "ed", "ing"]),
    ]))

    /// Expands (british stem, american stem, suffixes) into word pairs.
    static func inflected(_ rows: [(String, String, [String])]) -> [(String, String)] {
        rows.flatMap { british, american, suffixes in suffixes.map { (british + $0, american + $0) } }
    }

    static let ourWords = TermTable(keys: [
        "colour", "favour", "honour", "labour", "neighbour", "behaviour", "harbour", "humour", "rumour",
        "vigour", "armour", "endeavour", "savour", "flavour", "valour", "tumour", "parlour", "odour", "rigour",
        "splendour", "clamour", "candour", "ardour", "fervour", "saviour", "succour", "demeanour", "vapour",
        "arbour",
    ])

    static let ourSuffixes = TermTable(keys: [
        "", "s", "ed", "ing", "able", "ably", "ite", "ites", "itism", "er", "ers", "ful", "fully", "less", "hood",
        "hoods", "ly", "ist", "ists", "ism", "y", "ings",
    ])

    static let iseStems = TermTable(keys: [
        "organ", "recogn", "real", "civil", "author", "priorit", "modern", "mobil", "stabil", "normal", "critic",
        "apolog", "character", "minim", "maxim", "util", "final", "legal", "privat", "national", "categor",
        "special", "central", "decentral", "democrat", "militar", "demilitar", "capital", "industrial", "summar",
        "symbol", "sympath", "subsid", "standard", "optim", "digital", "monet", "polar", "radical", "neutral",
        "harmon", "jeopard", "memor", "moral", "patron", "politic", "rational", "scrutin", "synchron", "terror",
        "visual", "vocal", "weapon", "western", "global", "liberal", "local", "familiar", "internation",
        "hospital", "immun", "sanit", "sensit", "mechan", "computer", "energ", "fertil", "formal", "ideal",
        "institution", "marginal", "natural", "penal", "plagiar", "popular", "pressur", "public", "satir",
        "scandal", "secular", "sensational", "social", "stigmat", "theor", "trivial", "urban", "vandal", "victim",
        "emphas", "hypothes", "fantas", "agon", "antagon", "colon", "dramat", "econom", "equal", "evangel",
        "human", "legitim", "material", "person", "revolution", "steril", "union", "commercial",
        "conceptual", "contextual", "criminal", "desensit", "destabil", "federal", "general",
        "incentiv", "initial", "journal", "nuclear", "operational", "personal", "profession",
        "regional", "sovereign", "spiritual", "tranquil", "vapor", "vitamin",
    ])

    static let iseSuffixes = TermTable(keys: [
        "e", "ed", "es", "ing", "ation", "ations", "ational", "er", "ers", "able",
    ])
}
