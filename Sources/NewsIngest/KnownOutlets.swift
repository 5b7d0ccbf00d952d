/// A small table of major outlets' hosts and names, so a URL becomes a name a reader knows.
enum KnownOutlets {
    static let byHost: [String: String] = [
        "japantimes.co.jp": "The Japan Times",
        "japannews.yomiuri.co.jp": "The Japan News",
        "yomiuri.co.jp": "The Yomiuri Shimbun",
        "asahi.com": "The Asahi Shimbun",
        "mainichi.jp": "The Mainichi",
        "asia.nikkei.com": "Nikkei Asia",
        "nikkei.com": "Nikkei",
        "english.kyodonews.net": "Kyodo News",
        "kyodonews.net": "Kyodo News",
        "nhk.or.jp": "NHK",
        "japan-forward.com": "Japan Forward",
        "reuters.com": "Reuters",
        "apnews.com": "Associated Press",
        "afp.com": "AFP",
        "bbc.co.uk": "BBC",
        "bbc.com": "BBC",
        "nytimes.com": "The New York Times",
        "washingtonpost.com": "The Washington Post",
        "wsj.com": "The Wall Street Journal",
        "ft.com": "Financial Times",
        "theguardian.com": "The Guardian",
        "economist.com": "The Economist",
        "bloomberg.com": "Bloomberg",
        "cnn.com": "CNN",
        "aljazeera.com": "Al Jazeera",
        "dw.com": "Deutsche Welle",
        "france24.com": "France 24",
        "politico.com": "Politico",
        "politico.eu": "Politico Europe",
        "scmp.com": "South China Morning Post",
        "taipeitimes.com": "Taipei Times",
        "koreaherald.com": "The Korea Herald",
        "en.yna.co.kr": "Yonhap",
        "aa.com.tr": "Anadolu Agency",
        "dailysabah.com": "Daily Sabah",
        "hurriyetdailynews.com": "Hürriyet Daily News",
        "trtworld.com": "TRT World",
        "lemonde.fr": "Le Monde",
        "spiegel.de": "Der Spiegel",
        "defensenews.com": "Defense News",
        "nato.int": "NATO",
    ]

    /// Other spellings of the table's names.
    static let extraNames: [String: String] = [
        "Yomiuri Shimbun": "The Yomiuri Shimbun",
        "AP": "Associated Press",
        "Agence France-Presse": "AFP",
        "New York Times": "The New York Times",
        "NYT": "The New York Times",
        "Wall Street Journal": "The Wall Street Journal",
        "DW": "Deutsche Welle",
        "Kyodo": "Kyodo News",
        "Anadolu Ajansı": "Anadolu Agency",
    ]

    /// ``SourceNormalizer/key(_:)`` of every host and name above, and the name each key gives: hosts
    /// in sorted order (the first keeps a shared key: "politico.com" and "politico.eu" both give
    /// "politico"), then each name's own key, then the extra spellings, as `SourceNormalizerTests`
    /// works it out again. Written out rather than keyed per process: keying these names (a host parse
    /// each, Foundation's folding for two) was a twentieth of a one-page `search extract`.
    static let byKey: [String: String] = [
        "aa": "Anadolu Agency",
        "afp": "AFP",
        "agencefrancepresse": "AFP",
        "aljazeera": "Al Jazeera",
        "anadoluagency": "Anadolu Agency",
        "anadoluajansı": "Anadolu Agency",
        "ap": "Associated Press",
        "apnews": "Associated Press",
        "asahi": "The Asahi Shimbun",
        "asahishimbun": "The Asahi Shimbun",
        "asianikkei": "Nikkei Asia",
        "associatedpress": "Associated Press",
        "bbc": "BBC",
        "bloomberg": "Bloomberg",
        "cnn": "CNN",
        "dailysabah": "Daily Sabah",
        "defensenews": "Defense News",
        "derspiegel": "Der Spiegel",
        "deutschewelle": "Deutsche Welle",
        "dw": "Deutsche Welle",
        "economist": "The Economist",
        "englishkyodonews": "Kyodo News",
        "enyna": "Yonhap",
        "financialtimes": "Financial Times",
        "france24": "France 24",
        "ft": "Financial Times",
        "guardian": "The Guardian",
        "hurriyetdailynews": "Hürriyet Daily News",
        "japanforward": "Japan Forward",
        "japannews": "The Japan News",
        "japannewsyomiuri": "The Japan News",
        "japantimes": "The Japan Times",
        "koreaherald": "The Korea Herald",
        "kyodo": "Kyodo News",
        "kyodonews": "Kyodo News",
        "lemonde": "Le Monde",
        "mainichi": "The Mainichi",
        "nato": "NATO",
        "newyorktimes": "The New York Times",
        "nhk": "NHK",
        "nikkei": "Nikkei",
        "nikkeiasia": "Nikkei Asia",
        "nyt": "The New York Times",
        "nytimes": "The New York Times",
        "politico": "Politico",
        "politicoeurope": "Politico Europe",
        "reuters": "Reuters",
        "scmp": "South China Morning Post",
        "southchinamorningpost": "South China Morning Post",
        "spiegel": "Der Spiegel",
        "taipeitimes": "Taipei Times",
        "theguardian": "The Guardian",
        "trtworld": "TRT World",
        "wallstreetjournal": "The Wall Street Journal",
        "washingtonpost": "The Washington Post",
        "wsj": "The Wall Street Journal",
        "yomiuri": "The Yomiuri Shimbun",
        "yomiurishimbun": "The Yomiuri Shimbun",
        "yonhap": "Yonhap",
    ]

    /// The name for a host or any of its subdomains ("www.reuters.com", "jp.reuters.com").
    static func name(forHost host: String) -> String? {
        var candidate = Substring(host)
        while true {
            if let name = byHost[String(candidate)] { return name }
            guard let dot = candidate.firstIndex(of: ".") else { return nil }
            candidate = candidate[candidate.index(after: dot)...]
            if !candidate.contains(".") { return nil }
        }
    }
}
