import Testing
@testable import NewsActors

/// The built-in gazetteer is loaded over the tables' bytes (`TableText`, `Gazetteer.builtIn`); the
/// string-splitting loader it replaced is kept here as the reference, and both must file every name
/// under the same key with the same entry, first-word length, demonym and name list.
@Suite("Gazetteer loading")
struct GazetteerLoadingTests {
    @Test func sameTablesAsTheStringLoader() {
        let loaded = Gazetteer.builtIn()
        let reference = Reference.builtIn()
        #expect(loaded.phrases.count == reference.phrases.count)
        #expect(loaded.longestPhrase.count == reference.longestPhrase.count)
        #expect(loaded.demonyms.count == reference.demonyms.count)
        var differing: [String] = []
        for (key, entry) in reference.phrases where loaded.phrases[key] != entry { differing.append(key) }
        for (word, length) in reference.longestPhrase where loaded.longestPhrase[word] != length { differing.append(word) }
        for (demonym, country) in reference.demonyms where loaded.demonyms[demonym] != country { differing.append(demonym) }
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(5))")
        #expect(loaded.givenNames.count == reference.givenNames.count && reference.givenNames.allSatisfy { loaded.givenNames.contains($0) })
        #expect(loaded.surnames.count == reference.surnames.count && reference.surnames.allSatisfy { loaded.surnames.contains($0) })
        #expect(
            loaded.demonymFirstWords.count == reference.demonymFirstWords.count
                && reference.demonymFirstWords.allSatisfy { loaded.demonymFirstWords.contains($0) })
        // The tables hold the cases the fast paths must agree on: ASCII, accented, hyphenated, dotted names.
        #expect(reference.phrases["deutschland"]?.name == "Germany")
        #expect(reference.phrases["österreich"]?.name == "Austria")
        #expect(reference.phrases["u.a.e."]?.name == "United Arab Emirates")
        #expect(reference.phrases["amerikanisch-samoa"]?.name == "American Samoa")
    }

    @Test(arguments: ["Oskar Brenholt", "HSB", "Jamhuri", "Ärzte ohne Grenzen", "Médecins Sans Frontières", "Jean-Luc Picard", "O. Brenholt", "  ", "K\u{212A}"])
    func dictionaryNamesFiledAsBefore(name: String) {
        var loaded = Gazetteer()
        loaded.add(name: name, type: .organization, aliases: [])
        var reference = Reference()
        reference.add(name: name, type: .organization, aliases: [])
        #expect(loaded.phrases.count == reference.phrases.count)
        for (key, entry) in reference.phrases { #expect(loaded.phrases[key] == entry) }
        for (word, length) in reference.longestPhrase { #expect(loaded.longestPhrase[word] == length) }
    }

    /// The loader before the byte reader, with plain dictionaries.
    struct Reference {
        var phrases: [String: GazetteerEntry] = [:]
        var longestPhrase: [String: Int] = [:]
        var demonyms: [String: String] = [:]
        var demonymFirstWords: Set<String> = []
        var givenNames: Set<String> = []
        var surnames: Set<String> = []

        static func builtIn() -> Reference {
            var gazetteer = Reference()
            let countries = parts(GazetteerData.countries, "\n")
            for line in countries {
                let fields = parts(line, ";", keepingEmpty: true).map(String.init)
                let aliases = fields.count > 1 ? parts(fields[1], ",").map(String.init) : []
                gazetteer.add(name: fields[0], type: .country, aliases: aliases)
                if fields.count > 2 {
                    for demonym in parts(fields[2], ",") { gazetteer.demonyms[demonym.lowercased()] = fields[0] }
                }
            }
            for (table, type) in [(OrganizationData.organizations, ActorType.organization), (OrganizationData.regions, .location)] {
                for line in parts(table, "\n") {
                    let fields = parts(line, ";").map(String.init)
                    gazetteer.add(name: fields[0], type: type, aliases: fields.count > 1 ? parts(fields[1], ",").map(String.init) : [])
                }
            }
            for line in parts(CountryNameData.translations, "\n") {
                let fields = parts(line, ";", keepingEmpty: true)
                guard fields.count == 2 else { continue }
                gazetteer.add(name: String(fields[0]), type: .country, aliases: parts(fields[1], ",").map(String.init), replacing: false)
            }
            for place in parts(GazetteerData.places, "\n") {
                gazetteer.add(name: String(place), type: .location, aliases: [], replacing: false)
            }
            gazetteer.demonymFirstWords = Set(
                countries.flatMap { line -> [String] in
                    let fields = parts(line, ";", keepingEmpty: true)
                    guard fields.count > 2 else { return [] }
                    return parts(fields[2], ",").filter { $0.utf8.contains(0x20) }.map { String(parts($0, " ")[0]).lowercased() }
                })
            gazetteer.givenNames = Set(parts(GazetteerData.givenNames, "\n").map { $0.lowercased() })
            gazetteer.surnames = Set(parts(GazetteerData.surnames, "\n").map { $0.lowercased() })
            return gazetteer
        }

        static func parts<Text: StringProtocol>(_ text: Text, _ separator: Unicode.Scalar, keepingEmpty: Bool = false) -> [Substring] {
            let text = Substring(text)
            return text.utf8.split(separator: UInt8(separator.value), omittingEmptySubsequences: !keepingEmpty).map { Substring($0) }
        }

        mutating func add(name: String, type: ActorType, aliases: [String], replacing: Bool = true) {
            for alias in [name] + aliases {
                guard let words = Self.words(of: alias) else { continue }
                let key = words.joined(separator: " ")
                if !replacing, phrases[key] != nil { continue }
                let isAcronym = alias.unicodeScalars.count <= 6 && !alias.unicodeScalars.contains { $0.properties.isLowercase }
                phrases[key] = GazetteerEntry(name: name, type: type, caseSensitive: isAcronym)
                longestPhrase[words[0]] = max(longestPhrase[words[0]] ?? 0, words.count)
            }
        }

        static func isPlainLetter(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x386, 0x388...0x3CE, 0x400...0x481, 0x48A...0x4FF:
                return true
            default:
                return false
            }
        }

        static func words(of name: String) -> [String]? {
            var simple = !name.isEmpty && name.unicodeScalars.first != " " && name.unicodeScalars.last != " "
            var previousSpace = false
            for scalar in name.unicodeScalars where simple {
                let isSpace = scalar == " "
                simple = isSpace ? !previousSpace : Self.isPlainLetter(scalar)
                previousSpace = isSpace
            }
            if simple { return parts(name.lowercased(), " ").map(String.init) }
            let words = TextScanner.scan(name).keeping { $0.kind != .punctuation && $0.kind != .newline }
            return words.tokens.isEmpty ? nil : words.tokens.map { words.lower($0) }
        }
    }
}
