import Testing

@testable import NewsIngest

/// The byte path of line normalisation must agree with the Character path it short-cuts.
@Suite("Boilerplate line normalisation")
struct NormalizationTests {
    static let samples = [
        "", " ", "Advertisement", "  ADVERTISEMENT  ", "- Share this!", "*** Related Tags:", "> Read more...",
        "Please enter your comment!", "LEAVE A REPLY\r", "tab\there  and\r\nthere.", "\u{0B}vertical tab\u{0C}",
        "-. ", "?!.:;", "Mixed CASE line; with: punctuation ?", "trailing dash -", " - * > leading",
    ]

    @Test(arguments: samples)
    func asciiPathAgreesWithCharacterPath(_ line: String) {
        #expect(BoilerplateFilter.normalizeASCII(line) == BoilerplateFilter.normalizeCharacters(line))
    }

    @Test func randomASCIILinesAgree() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ .!?:;-*> \t\r\n\u{0B}#'x9")
        for _ in 0..<5_000 {
            let line = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(BoilerplateFilter.normalizeASCII(line) == BoilerplateFilter.normalizeCharacters(line), "\(Array(line.utf8))")
        }
    }

    /// The limit only stops early: it says "longer" exactly when the whole normalised line is longer.
    @Test func limitedNormalisationStopsOnlyForLongerLines() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ .!?:;-*> \t\r\n#x9")
        var out: [UInt8] = []
        for _ in 0..<5_000 {
            var line = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            if Bool.random(using: &generator) { line += "é" }
            let full = BoilerplateFilter.normalize(line).count
            let limit = Int.random(in: 0...20, using: &generator)
            let result = line.utf8.withContiguousStorageIfAvailable { BoilerplateFilter.normalizeASCII($0, into: &out, limit: limit) }!
            switch result {
            case .notASCII: #expect(line.contains("é"))
            case .longerThanLimit: #expect(full > limit, "\(Array(line.utf8)) limit \(limit)")
            case .normalized(let range):
                #expect(String(decoding: out[range], as: UTF8.self) == BoilerplateFilter.normalize(line))
                #expect(full <= limit, "\(Array(line.utf8)) limit \(limit)")
            }
        }
    }

    @Test func otherTextTakesTheCharacterPath() {
        #expect(BoilerplateFilter.normalizeASCII("Publicité") == nil)
        #expect(BoilerplateFilter.normalize("It’s OVER…") == "it's over")
    }

    @Test func lineSlicesMatchCharacterSplit() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "\n", "\r", "\r\n", " ", "é", "\u{301}", "日"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            for omitting in [true, false] {
                #expect(text.lineSlices(omittingEmptySubsequences: omitting)
                    == text.split(separator: "\n", omittingEmptySubsequences: omitting), "\(Array(text.utf8))")
            }
        }
    }

    @Test func characterCountIsCount() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "\n", "\r", "\r\n", " ", "é", "\u{301}", "👍🏽", "plain ASCII words"]
        for _ in 0..<5_000 {
            // Long enough for the eight-bytes-at-a-time path, with a CR or a non-ASCII byte anywhere.
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(text.characterCount == text.count, "\(Array(text.utf8))")
            let inner = "x" + text + "y"
            let slice = inner.dropFirst().dropLast()
            #expect(slice.characterCount == slice.count, "\(Array(text.utf8))")
        }
    }

    @Test func containsBytesFindsPatterns() {
        #expect("we use cookies here".utf8.containsBytes(of: "use cookies".utf8))
        #expect(!"we use cookie".utf8.containsBytes(of: "use cookies".utf8))
        #expect("reklam yükleniyor…".utf8.containsBytes(of: "yükleniyor".utf8))
        #expect("x".utf8.containsBytes(of: "x".utf8))
    }

    @Test func lineHashesCountEachLineOnce() {
        let hashes = BoilerplateModel.lineHashes(of: "Follow us\nFollow us\n\nA story.")
        #expect(hashes.count == 2)
        var model = BoilerplateModel()
        model.learn(lineHashes: hashes, source: "S")
        model.learn(body: "Follow us\nAnother story.", source: "S")
        #expect(model.sources["S"]?.documents == 2)
        #expect(model.sources["S"]?.lineCounts[BoilerplateModel.hash("Follow us")!] == 2)
    }

    /// `lineHashes` cuts the body's bytes itself; its lines must be those of `lineSlices()`, each hashed
    /// as `hash(_:)` hashes it, the first time it is seen.
    @Test func lineHashesCutLinesAsLineSlicesDoes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Follow us", "Advertisement", "\n", "\r\n", "\r", "\n\n", " ", "Réclame", "A longer line of prose.", "-"]
        for _ in 0..<2_000 {
            let body = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var expected: [UInt64] = []
            for line in body.lineSlices() {
                if let hash = BoilerplateModel.hash(line), !expected.contains(hash) { expected.append(hash) }
            }
            #expect(BoilerplateModel.lineHashes(of: body) == expected, "\(body.debugDescription)")
        }
    }

    /// The skip test in front of the whitespace collapse must never skip a collapse that changes the
    /// text: combining marks after spaces, Unicode spaces, prepended marks, CR LF and curly quotes.
    @Test func collapsedTextIsLeftAsCollapsingWouldLeaveIt() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = [
            "a", "É", " ", " ", " ", "\u{301}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\u{600}", "’", "\t",
            "\r\n", "\u{0B}", "—", "👍🏽", "ß", "İ", ".", "\u{200D}",
        ]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            if BoilerplateFilter.isCollapsed(text) {
                #expect(text.collapsingWhitespace() == text, "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(BoilerplateFilter.isCollapsed("plain words here, é and ü"))
        #expect(!BoilerplateFilter.isCollapsed("two  spaces"))
        #expect(!BoilerplateFilter.isCollapsed(" leading"))
        #expect(!BoilerplateFilter.isCollapsed("no\u{A0}break"))
    }
}

/// The byte answers to `hasSuffix` must be `hasSuffix`'s, whatever comes before the suffix.
@Suite("ASCII suffixes")
struct ASCIISuffixTests {
    @Test func agreesWithHasSuffix() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", ".", ":", ",", " ", "\r", "\n", "\u{600}", "\u{301}", "é", "…", "日", "\u{200D}"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(text.hasASCIISuffix(".") == text.hasSuffix("."), "\(text.unicodeScalars.map(\.value))")
            #expect(text.hasASCIISuffix(":") == text.hasSuffix(":"), "\(text.unicodeScalars.map(\.value))")
            #expect(text.hasASCIISuffix("...") == text.hasSuffix("..."), "\(text.unicodeScalars.map(\.value))")
        }
        #expect("\u{600}.".hasSuffix(".") == false)
        #expect("\u{600}.".hasASCIISuffix(".") == false)
    }
}
