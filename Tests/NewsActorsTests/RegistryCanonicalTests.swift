import PropertyBased
import Testing
@testable import NewsActors

/// `mergeCanonical` answers from names it has settled instead of resolving them again; over any
/// order of articles it must give what resolving every actor afresh gives.
@Suite("The indexer's merge of numbered names")
struct RegistryCanonicalTests {
    /// The registry's rules with nothing remembered but what they file: a full name under its surname,
    /// a multi-word organisation under its initials.
    struct Resolver {
        let extractor = ActorExtractor()
        var fullNames: [String: Set<String>] = [:]
        var organizations: [String: Set<String>] = [:]

        mutating func canonical(_ name: String, _ type: ActorType) -> (name: String, type: ActorType) {
            let cleaned = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let words = cleaned.split(separator: " ")
            if type == .person {
                if words.count >= 2 {
                    fullNames[words.last!.lowercased(), default: []].insert(cleaned)
                    return (cleaned, .person)
                }
                let full = fullNames[cleaned.lowercased()] ?? []
                return (full.count == 1 ? full.first! : cleaned, .person)
            }
            let known = extractor.resolve(cleaned)
            if known.name != cleaned || known.type != .person && known.type != .organization {
                return known.type == .person ? (cleaned, type) : known
            }
            if words.count >= 2 {
                let initials = String(words.filter { $0.first!.isUppercase }.map(\.first!))
                if initials.count >= 2 { organizations[initials, default: []].insert(cleaned) }
                return (cleaned, type)
            }
            let full = organizations[cleaned] ?? []
            return type == .organization && full.count == 1 ? (full.first!, .organization) : (cleaned, type)
        }
    }

    static let names = [
        "Oskar Brenholt", "Ilse Brenholt", "Brenholt", "Velmar Trade Council", "VTC", "Dara Quell", "DQ", "Quell",
        "Anna Kovacs", "Kovacs", "Peter  Kovacs", "Japan", "NATO", "North Atlantic Treaty Organization", "Lyon",
        "Tarn Valley Mining Group", "TVMG", "Marit Solberg", "Solberg",
    ]

    @Test func settledNamesMergeAsIfResolvedAfresh() {
        var random = Xoshiro(seed: (0x5E77_1ED0, 1, 2, 3))
        for _ in 0..<50 {
            var registry = ActorRegistry()
            var resolver = Resolver()
            var numbers: [String: Int] = [:]
            for _ in 0..<60 {
                let actors = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                    ExtractedActor(
                        name: Self.names.randomElement(using: &random)!, type: ActorType.allCases.randomElement(using: &random)!,
                        mentions: [], mentionCount: Int.random(in: 1...3, using: &random))
                }
                var expected: [(name: String, type: ActorType, mentionCount: Int)] = []
                for actor in actors {
                    let found = resolver.canonical(actor.name, actor.type)
                    if let at = expected.firstIndex(where: { $0.name == found.name }) {
                        expected[at].mentionCount += actor.mentionCount
                    } else {
                        expected.append((found.name, found.type, actor.mentionCount))
                    }
                }
                let merged = registry.mergeCanonical(actors)
                #expect(merged.map(\.name) == expected.map(\.name))
                #expect(merged.map(\.type) == expected.map(\.type))
                #expect(merged.map(\.mentionCount) == expected.map(\.mentionCount))
                for actor in merged {
                    #expect(numbers[actor.name, default: actor.number] == actor.number, "\(actor.name) renumbered")
                    numbers[actor.name] = actor.number
                }
            }
            #expect(Set(numbers.values).count == numbers.count, "two names share a number")
        }
    }

    @Test func canonicalAndMergeCanonicalShareWhatTheyLearn() {
        var registry = ActorRegistry()
        #expect(registry.canonical(name: "Oskar Brenholt", type: .person).name == "Oskar Brenholt")
        let merged = registry.mergeCanonical([
            ExtractedActor(name: "Brenholt", type: .person, mentions: [], mentionCount: 1),
            ExtractedActor(name: "Oskar Brenholt", type: .person, mentions: [], mentionCount: 2),
            ExtractedActor(name: "Oskar Brenholt", type: .organization, mentions: [], mentionCount: 1),
        ])
        #expect(merged.count == 1)
        #expect(merged.first?.name == "Oskar Brenholt")
        #expect(merged.first?.type == .person)
        #expect(merged.first?.mentionCount == 4)
    }
}
