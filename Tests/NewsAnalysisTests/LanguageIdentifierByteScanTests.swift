import PropertyBased
import Testing
@testable import NewsAnalysis

/// `LanguageIdentifier.identify` reads bytes; the scalar walk it replaced (a `String` per word, a
/// dictionary look-up per word) is kept here as the reference, and both must give the same answer on
/// every text: random ones built from several languages' function words (so that many sit near the
/// thresholds), with capitals, accents, other scripts, combining marks, digits and punctuation, short
/// and past the length read.
@Suite("Language identification over bytes")
struct LanguageIdentifierByteScanTests {
    @Test func sameAnswersAsTheScalarWalk() {
        var random = Xoshiro(seed: (0x5EED_1A96, 1, 2, 3))
        var differences: [String] = []
        var decided = 0
        for round in 0..<4_000 {
            let text = Self.randomText(&random, long: round % 50 == 0)
            let expected = Self.reference(text)
            if expected != nil { decided += 1 }
            if LanguageIdentifier.identify(text) != expected { differences.append(text) }
        }
        #expect(differences.isEmpty, "\(differences.count) texts differ, first: \(differences.first ?? "")")
        // The texts must exercise both outcomes, or the comparison proves little.
        #expect(decided > 400 && decided < 3_600)
    }

    @Test(arguments: [
        "", " ", "Straße ẞTRASSE İstanbul \u{212A}ELVIN", "e\u{301}te\u{301} de la ville", "ｆｕｌｌ ｗｉｄｔｈ the of and",
        "The\u{00A0}of\u{2003}and to in is that for it was on with", "🙂 the 🙂 of 🙂 and 🙂 to 🙂 in 🙂 is 🙂 that 🙂 for",
    ])
    func sameAnswerOnEdgeCases(text: String) {
        #expect(LanguageIdentifier.identify(text) == Self.reference(text))
    }

    /// The implementation before the byte scan, word for word.
    static func reference(_ text: String) -> String? {
        var counts = ScriptCounts()
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var seen = 0
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > LanguageIdentifier.scalarLimit { break }
            if scalar.properties.isAlphabetic {
                counts.add(scalar)
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word).lowercased())
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word).lowercased()) }
        if let byScript = counts.language { return byScript }
        guard counts.letters > 0, counts.latin + counts.cyrillic >= counts.letters / 2 else { return nil }
        guard words.count >= 8 else { return nil }
        var scores = [Double](repeating: 0, count: LanguageProfiles.functionWords.count)
        for word in words {
            for (index, weight) in table[word] ?? [] { scores[index] += weight }
        }
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
        let best = scores[ranked[0]]
        let second = scores[ranked[1]]
        guard best >= 3, best >= Double(words.count) * 0.08, best >= second * 1.25 else { return nil }
        return LanguageProfiles.functionWords[ranked[0]].code
    }

    static let table: [String: [(Int, Double)]] = {
        var languages: [String: [Int]] = [:]
        for (index, profile) in LanguageProfiles.functionWords.enumerated() {
            for word in Set(profile.words.split(whereSeparator: \.isWhitespace).map(String.init)) {
                languages[word, default: []].append(index)
            }
        }
        return languages.mapValues { indices in indices.map { ($0, 1.0 / Double(indices.count)) } }
    }()

    static let profileWords: [[String]] = LanguageProfiles.functionWords.map { $0.words.split(whereSeparator: \.isWhitespace).map(String.init) }

    static let otherPieces = [
        "harbour", "Rutte", "NATO", "Überraschung", "Österreich", "für", "ÜBER", "été", "ÉTÉ", "niño", "Łódź", "İzmir", "Straße",
        "\u{212A}", "e\u{301}", "Москва", "ПРИ", "и", "в", "東京", "とうきょう", "서울", "Αθήνα", "القاهرة", "ירושלים", "กรุงเทพ",
        "नई", "1,000", "2026-12-07", "U.S.", "don't", "l'étude", "’s", "-", ",", ".", ";", "(", ")", "\u{201C}", "\u{00A0}",
        "\u{2014}", "🙂", "\u{0301}", "\t", "\n", "abcdefghijklmnopqrstuvwxyz",
    ]

    static func randomText(_ random: inout Xoshiro, long: Bool) -> String {
        let languages = (0..<3).map { _ in random.below(profileWords.count) }
        let pieces = long ? 1_500 + random.below(1_500) : random.below(40)
        var text = ""
        for _ in 0..<pieces {
            var piece: String
            if random.below(10) < 6 {
                let words = profileWords[languages[random.below(3)]]
                piece = words[random.below(words.count)]
            } else {
                piece = otherPieces[random.below(otherPieces.count)]
            }
            switch random.below(6) {
            case 0: piece = piece.uppercased()
            case 1: piece = piece.prefix(1).uppercased() + piece.dropFirst()
            default: break
            }
            text += piece
            text += random.below(8) == 0 ? "" : " "
        }
        return text
    }
}

extension Xoshiro {
    /// A number in `0..<bound`, from the seeded generator, so that a failing text can be made again.
    mutating func below(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }
}
