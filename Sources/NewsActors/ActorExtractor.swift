/// Finds the people, organisations and countries an article names.
///
/// ```swift
/// let actors = ActorExtractor().extract(title: "…", body: "NATO Secretary General Mark Rutte said …")
/// // [Mark Rutte (person), …]
/// ```
public struct ActorExtractor: Sendable {
    /// Roles that stand before a person's full name.
    static let titles: [[String]] = [
        ["Prime", "Minister"], ["Secretary", "General"], ["Secretary-General"], ["Foreign", "Minister"],
        ["Defense", "Minister"], ["Defence", "Minister"], ["President"], ["Chancellor"],
    ]

    public init() {}

    public func extract(title: String, body: String) -> [ExtractedActor] {
        var found: [String: ExtractedActor] = [:]
        var order: [String] = []
        let words = Self.words(in: body)
        var index = 0
        while index < words.count {
            guard let titleLength = Self.titles.first(where: { Self.matches($0, words, at: index) })?.count else {
                index += 1
                continue
            }
            var nameEnd = index + titleLength
            while nameEnd < words.count, nameEnd - index - titleLength < 3, Self.isNameWord(words[nameEnd].text) {
                nameEnd += 1
            }
            let nameWords = words[(index + titleLength)..<nameEnd]
            if nameWords.count >= 2 {
                let name = nameWords.map(\.text).joined(separator: " ")
                let mention = ActorMention(
                    start: nameWords.first!.start, end: nameWords.last!.end, text: name)
                if found[name] == nil {
                    order.append(name)
                    found[name] = ExtractedActor(name: name, type: .person, mentions: [], mentionCount: 0)
                }
                found[name]!.mentions.append(mention)
                found[name]!.mentionCount += 1
            }
            index = max(nameEnd, index + 1)
        }
        return order.map { found[$0]! }
    }

    /// The canonical name and type for an actor given by the input itself (JSONL `actors`).
    public func resolve(_ name: String) -> (name: String, type: ActorType) {
        (name.split(whereSeparator: \.isWhitespace).joined(separator: " "), .person)
    }

    struct Word {
        var text: String
        var start: Int
        var end: Int
    }

    /// Words with their offsets in Unicode scalars; punctuation other than inner hyphens and periods splits.
    static func words(in text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar == "-" || scalar == "." && !current.isEmpty {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(Word(text: String(current), start: start, end: offset))
                current = String.UnicodeScalarView()
            }
            offset += 1
        }
        if !current.isEmpty { words.append(Word(text: String(current), start: start, end: offset)) }
        return words.map { word in
            var word = word
            while word.text.hasSuffix(".") || word.text.hasSuffix("-") {
                word.text.removeLast()
                word.end -= 1
            }
            return word
        }
    }

    static func matches(_ title: [String], _ words: [Word], at index: Int) -> Bool {
        guard index + title.count <= words.count else { return false }
        return zip(title, words[index...]).allSatisfy { $0.0.lowercased() == $0.1.text.lowercased() }
    }

    static func isNameWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase, word.count > 1 else { return false }
        return !titles.contains { $0.contains(word) }
    }
}
