import Foundation
import Testing
@testable import NewsActors

/// The built-in gazetteer is a table generated ahead of time (`GazetteerTables.swift`) from the name
/// tables as `GazetteerSource` files them over their bytes; the string-splitting loader that came
/// before both is kept here as the reference, and every name must be filed under the same key with the
/// same entry, first-word length, demonym and name list in all three.
@Suite("Gazetteer loading")
struct GazetteerLoadingTests {
    @Test func sourceFilesTheTablesAsTheStringLoader() {
        let source = GazetteerSource.builtIn()
        let reference = Reference.builtIn()
        #expect(source.phrases.count == reference.phrases.count)
        #expect(source.longestPhrase.count == reference.longestPhrase.count)
        #expect(source.demonyms.count == reference.demonyms.count)
        var differing: [String] = []
        for (key, entry) in reference.phrases where source.phrases[key] != entry { differing.append(key) }
        for (word, length) in reference.longestPhrase where source.longestPhrase[word] != length { differing.append(word) }
        for (demonym, country) in reference.demonyms where source.demonyms[demonym] != country { differing.append(demonym) }
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(5))")
        #expect(Set(source.givenNames) == reference.givenNames && source.givenNames.count == reference.givenNames.count)
        #expect(Set(source.surnames) == reference.surnames && source.surnames.count == reference.surnames.count)
        #expect(Set(source.demonymFirstWords) == reference.demonymFirstWords)
        // The tables hold the cases the fast paths must agree on: ASCII, accented, hyphenated, dotted names.
        #expect(reference.phrases["deutschland"]?.name == "Germany")
        #expect(reference.phrases["österreich"]?.name == "Austria")
        #expect(reference.phrases["u.a.e."]?.name == "United Arab Emirates")
        #expect(reference.phrases["amerikanisch-samoa"]?.name == "American Samoa")
    }

    /// Every word of the generated table, and only those, answers as the string loader's maps do.
    @Test func generatedTableAnswersAsTheStringLoader() {
        let standard = Gazetteer.standard
        let reference = Reference.builtIn()
        var differing: [String] = []
        for (key, entry) in reference.phrases where standard.phrases[key] != entry { differing.append(key) }
        for (word, length) in reference.longestPhrase where standard.longestPhrase[word] != length { differing.append(word) }
        for (demonym, country) in reference.demonyms where standard.demonyms[demonym] != country { differing.append(demonym) }
        for word in reference.givenNames where !standard.givenNames.contains(word) { differing.append(word) }
        for word in reference.surnames where !standard.surnames.contains(word) { differing.append(word) }
        for word in reference.demonymFirstWords where !standard.demonymFirstWords.contains(word) { differing.append(word) }
        // No word the reference lacks: each record's fields are exactly the reference's.
        var words = 0
        GazetteerTable.builtIn.forEachWord { word, record in
            words += 1
            let table = GazetteerTable.builtIn
            let flags = table.flags(record)
            if table.entry(record) != reference.phrases[word] || table.longestPhrase(record) != reference.longestPhrase[word]
                || table.demonym(record) != reference.demonyms[word]
                || flags.contains(.givenName) != reference.givenNames.contains(word)
                || flags.contains(.surname) != reference.surnames.contains(word)
                || flags.contains(.demonymFirstWord) != reference.demonymFirstWords.contains(word)
            {
                differing.append(word)
            }
        }
        let allWords = Set(reference.phrases.keys).union(reference.longestPhrase.keys).union(reference.demonyms.keys)
            .union(reference.givenNames).union(reference.surnames).union(reference.demonymFirstWords)
        #expect(words == allWords.count)
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(5))")
        // Words in no table are in none of the maps.
        for word in ["zzyzx", "deutschlan", "united", ""] where !allWords.contains(word) {
            #expect(standard.phrases[word] == nil && standard.longestPhrase[word] == nil && !standard.givenNames.contains(word))
        }
    }

    /// What `gazetteer-tables` would write is what the package holds: a changed name table needs the
    /// generator run again.
    @Test func generatedTableIsCurrent() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/NewsActors/GazetteerTables.swift")
        #expect(try String(contentsOf: path, encoding: .utf8) == GazetteerTableWriter.swiftSource())
    }

    @Test(arguments: ["Oskar Brenholt", "HSB", "Jamhuri", "Ärzte ohne Grenzen", "Médecins Sans Frontières", "Jean-Luc Picard", "O. Brenholt", "  ", "K\u{212A}"])
    func dictionaryNamesFiledAsBefore(name: String) {
        var loaded = Gazetteer()
        loaded.add(name: name, type: .organization, aliases: [])
        var reference = Reference()
        reference.add(name: name, type: .organization, aliases: [])
        for (key, entry) in reference.phrases { #expect(loaded.phrases[key] == entry) }
        for (word, length) in reference.longestPhrase { #expect(loaded.longestPhrase[word] == length) }
    }

    /// A dictionary name goes over the built-in one it shares a key with; a first word's longest name never shrinks.
    @Test func dictionaryNamesReplaceBuiltInOnes() {
        var gazetteer = Gazetteer.standard
        #expect(gazetteer.phrases["georgia"]?.type == .country)
        let longestGeorgia = gazetteer.longestPhrase["georgia"] ?? 0
        gazetteer.add(name: "Brenholt Georgia Institute", type: .organization, aliases: ["Georgia"])
        #expect(gazetteer.phrases["georgia"] == GazetteerEntry(name: "Brenholt Georgia Institute", type: .organization, caseSensitive: false))
        #expect(gazetteer.longestPhrase["brenholt"] == 3)
        #expect(gazetteer.longestPhrase["georgia"] == max(longestGeorgia, 1))
        #expect(gazetteer.phrases["germany"]?.name == "Germany")
        #expect(Gazetteer.standard.phrases["georgia"]?.type == .country)
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
