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
