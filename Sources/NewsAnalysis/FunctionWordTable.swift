/// The function words of ``LanguageProfiles``, each with the languages it votes for, probed by a
/// word's lowercase UTF-8 bytes: the language guess looks up every short word of every article, and a
/// `String` per word hashed into a `Dictionary` was most of its cost.
///
/// Open addressing over FNV-1a hashes; the words' bytes are kept end to end in one array, and each
/// word's votes are a run of the flat `languages`/`weights` arrays, in the order they were given.
struct FunctionWordTable: Sendable {
    /// Entry index + 1 per slot, 0 for an empty slot.
    private let slots: [Int32]
    private let mask: Int
    private let hashes: [UInt64]
    /// Entry `i`'s word is `bytes[wordStarts[i]..<wordStarts[i + 1]]`.
    private let bytes: [UInt8]
    private let wordStarts: [Int]
    /// Entry `i`'s votes are `languages[voteStarts[i]..<voteStarts[i + 1]]` with the same `weights`.
    private let voteStarts: [Int]
    let languages: [Int]
    let weights: [Double]
    /// Bytes of the longest word: a longer one is in no list.
    let longestWord: Int

    /// The words of `profiles` (language `i`'s lowercase words, separated by spaces or line breaks); a
    /// word in `n` of the lists votes 1/n for each, its votes in list order.
    ///
    /// Built over the lists' bytes, each word found by its hash in the table being filled: a `String`,
    /// a `Set` and a dictionary entry per word were most of the cost of a process's first guess.
    init(profiles: [String]) {
        let separator = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") }
        // At most one word per separator and list, so the table never fills past a third.
        let wordLimit = profiles.reduce(0) { $0 + 1 + $1.utf8.count(where: separator) }
        var size = 16
        while size < wordLimit * 3 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        var hashes: [UInt64] = []
        var bytes: [UInt8] = []
        var wordStarts = [0]
        var listsOfWord: [[Int]] = []
        for (language, profile) in profiles.enumerated() {
            var profile = profile
            profile.withUTF8 { text in
                var start = 0
                for end in 0...text.count where end == text.count || separator(text[end]) {
                    let word = UnsafeBufferPointer(rebasing: text[start..<end])
                    start = end + 1
                    guard !word.isEmpty else { continue }
                    let hash = Self.hash(word)
                    var slot = Int(truncatingIfNeeded: hash) & (size - 1)
                    var entry = -1
                    while slots[slot] != 0 {
                        let candidate = Int(slots[slot]) - 1
                        if hashes[candidate] == hash, bytes[wordStarts[candidate]..<wordStarts[candidate + 1]].elementsEqual(word) {
                            entry = candidate
                            break
                        }
                        slot = (slot + 1) & (size - 1)
                    }
                    if entry < 0 {
                        entry = hashes.count
                        hashes.append(hash)
                        bytes.append(contentsOf: word)
                        wordStarts.append(bytes.count)
                        listsOfWord.append([])
                        slots[slot] = Int32(entry + 1)
                    }
                    // A word listed twice in one list votes once for it.
                    if listsOfWord[entry].last != language { listsOfWord[entry].append(language) }
                }
            }
        }
        var voteStarts = [0]
        var languages: [Int] = []
        var weights: [Double] = []
        for lists in listsOfWord {
            for language in lists {
                languages.append(language)
                weights.append(1.0 / Double(lists.count))
            }
            voteStarts.append(languages.count)
        }
        self.slots = slots
        mask = size - 1
        self.hashes = hashes
        self.bytes = bytes
        self.wordStarts = wordStarts
        self.voteStarts = voteStarts
        self.languages = languages
        self.weights = weights
        longestWord = zip(wordStarts, wordStarts.dropFirst()).map { $1 - $0 }.max() ?? 0
    }

    /// The range of `languages` and `weights` holding the votes of the word whose lowercase bytes are
    /// `word` (hashed with ``hash(_:)``), or nil when it is no function word.
    func votes(lowercase word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Range<Int>? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { return nil }
            if hashes[entry] == hash, wordStarts[entry + 1] - wordStarts[entry] == word.count,
                bytes.withUnsafeBufferPointer({ stored in
                    var at = wordStarts[entry]
                    for byte in word {
                        if stored[at] != byte { return false }
                        at += 1
                    }
                    return true
                })
            {
                return voteStarts[entry]..<voteStarts[entry + 1]
            }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a over the bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
