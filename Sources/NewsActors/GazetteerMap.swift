/// What one of the gazetteer's maps reads from a word's record in the built-in table.
protocol GazetteerField {
    associatedtype Value: Sendable
    static func value(_ record: GazetteerTable.Record, in table: GazetteerTable) -> Value?
}

/// The fields of ``GazetteerTable``, one per map of ``Gazetteer``.
enum GazetteerFields {
    enum Entry: GazetteerField {
        static func value(_ record: GazetteerTable.Record, in table: GazetteerTable) -> GazetteerEntry? { table.entry(record) }
    }

    enum LongestPhrase: GazetteerField {
        static func value(_ record: GazetteerTable.Record, in table: GazetteerTable) -> Int? { table.longestPhrase(record) }
    }

    enum Demonym: GazetteerField {
        static func value(_ record: GazetteerTable.Record, in table: GazetteerTable) -> String? { table.demonym(record) }
    }

    enum DemonymFirstWord: GazetteerField {
        static func value(_ record: GazetteerTable.Record, in table: GazetteerTable) -> Bool? {
            table.flags(record).contains(.demonymFirstWord) ? true : nil
        }
    }

    enum GivenName: GazetteerField {
        static func value(_ record: GazetteerTable.Record, in table: GazetteerTable) -> Bool? {
            table.flags(record).contains(.givenName) ? true : nil
        }
    }

    enum Surname: GazetteerField {
        static func value(_ record: GazetteerTable.Record, in table: GazetteerTable) -> Bool? {
            table.flags(record).contains(.surname) ? true : nil
        }
    }
}

/// One of the gazetteer's maps: the built-in table, with the words the user dictionary added over it
/// (looked up first, so that a dictionary entry replaces a built-in one).
struct GazetteerMap<Field: GazetteerField>: Sendable {
    let table: GazetteerTable
    /// Nil until the dictionary adds a word: every article's two rule taggers copy the gazetteer, and
    /// its six empty maps were 24 references retained and released per copy.
    private var added: WordMap<Field.Value>?

    init(table: GazetteerTable) {
        self.table = table
    }

    subscript(_ word: String) -> Field.Value? {
        get {
            if let value = added?[word] { return value }
            return table.record(word: word).flatMap { Field.value($0, in: table) }
        }
        set {
            if added == nil { added = WordMap() }
            added![word] = newValue
        }
    }

    subscript(_ token: Token, in text: ScannedText) -> Field.Value? {
        if let value = added?[token, in: text] { return value }
        return table.record(token, in: text).flatMap { Field.value($0, in: table) }
    }

    /// The value of the tokens' lowercase words joined by single spaces.
    func value(joining tokens: ArraySlice<Token>, in text: ScannedText) -> Field.Value? {
        if let value = added?.value(joining: tokens, in: text) { return value }
        return table.record(joining: tokens, in: text).flatMap { Field.value($0, in: table) }
    }

    func contains(_ word: String) -> Bool { self[word] != nil }

    func contains(_ token: Token, in text: ScannedText) -> Bool { self[token, in: text] != nil }
}
