/// Month names and abbreviations in the languages news pages are written in, lower-cased.
///
/// Pages print their bylines in their own language ("17. Mai 2024", "17 mai 2024", "17 de mayo de 2024",
/// "17 maja 2024"); the names that double as common words ("may", "mars", "mar") are accepted only
/// where the caller says the text is a date (a byline, a date element), or capitalised.
enum MonthNames {
    static let table: [String: Int] = {
        let names: [[String]] = [
            [  // January
                "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro",
                "januari", "stycznia", "styczeń", "ocak", "января", "январь", "ledna", "leden", "tammikuuta", "siječnja",
            ],
            [  // February
                "february", "feb", "febr", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio",
                "fevereiro", "fev", "februari", "lutego", "luty", "şubat", "subat", "февраля", "февраль", "února",
                "únor", "helmikuuta", "veljače",
            ],
            [  // March
                "march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "marca",
                "marzec", "mart", "марта", "март", "března", "březen", "maaliskuuta", "ožujka", "marts",
            ],
            [  // April
                "april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "nisan", "апреля",
                "апрель", "dubna", "duben", "huhtikuuta", "travnja",
            ],
            [  // May
                "may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj", "mayıs", "mayis", "мая", "май",
                "května", "květen", "toukokuuta", "svibnja",
            ],
            [  // June
                "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec", "haziran",
                "июня", "июнь", "června", "červen", "kesäkuuta", "lipnja",
            ],
            [  // July
                "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec",
                "temmuz", "июля", "июль", "července", "červenec", "heinäkuuta", "srpnja",
            ],
            [  // August
                "august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień", "ağustos",
                "agustos", "августа", "август", "srpna", "srpen", "elokuuta", "kolovoza", "augusti",
            ],
            [  // September
                "september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro",
                "września", "wrzesień", "eylül", "eylul", "сентября", "сентябрь", "září", "syyskuuta", "rujna",
            ],
            [  // October
                "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
                "października", "październik", "ekim", "октября", "октябрь", "října", "říjen", "lokakuuta", "listopada",
            ],
            [  // November
                "november", "nov", "novembre", "noviembre", "novembro", "listopad", "kasım", "kasim", "ноября",
                "ноябрь", "listopadu", "marraskuuta", "studenoga",
            ],
            [  // December
                "december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
                "dezembro", "grudnia", "grudzień", "aralık", "aralik", "декабря", "декабрь", "prosince", "prosinec",
                "joulukuuta", "prosinca", "desember", "decembris",
            ],
        ]
        var table: [String: Int] = [:]
        for (index, spellings) in names.enumerated() {
            for spelling in spellings where table[spelling] == nil { table[spelling] = index + 1 }
        }
        // "listopada" is November in Polish but October in Croatian; news in Polish is far more common here.
        table["listopada"] = 11
        return table
    }()

    /// Names that are also ordinary words in some language; a month only when capitalised or in a date context.
    static let ambiguous: Set<String> = [
        "may", "mar", "mars", "mai", "mag", "gen", "set", "out", "ago", "dec", "jun", "sep", "mart", "ott", "lug",
        "giu", "dic", "mei", "maj", "maja", "ene", "abr", "fev", "avr", "marco", "marca", "jan", "nov", "oct", "aug",
        // English names are capitalised in English; lower-case "march" or "august" is a verb or an adjective.
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "feb", "apr", "jul", "sept",
    ]

    /// The month a word names; `lenient` accepts lower-case spellings of ambiguous names.
    static func month(_ word: String, lenient: Bool) -> Int? {
        let lower = word.lowercasedFast()
        guard let month = table[lower] else { return nil }
        if lenient || word.first?.isUppercase == true { return month }
        return ambiguous.contains(lower) ? nil : month
    }
}
