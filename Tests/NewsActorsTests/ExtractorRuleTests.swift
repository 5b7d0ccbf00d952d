import Testing
@testable import NewsActors

/// Fixtures are our own sentences, built to exercise one rule each.
private func actors(_ body: String, title: String = "") -> [ExtractedActor] {
    ActorExtractor().extract(title: title, body: body)
}

private func names(_ body: String, title: String = "") -> Set<String> {
    Set(actors(body, title: title).map(\.name))
}

private func actor(_ name: String, in body: String, title: String = "") -> ExtractedActor? {
    actors(body, title: title).first { $0.name == name }
}

@Suite("Candidates from titles, roles and reporting verbs")
struct TitleRuleTests {
    @Test(arguments: [
        ("Yesterday Prime Minister Ingrid Valdmaa opened the session.", "Ingrid Valdmaa"),
        ("Talks with Secretary-General Oskar Brenholt ended late.", "Oskar Brenholt"),
        ("Talks with Secretary General Oskar Brenholt ended late.", "Oskar Brenholt"),
        ("The letter from Foreign Minister Teodor Vashko arrived.", "Teodor Vashko"),
        ("It was signed by Gen. Halvard Ostrum on Friday.", "Halvard Ostrum"),
        ("Orders came from Adm. Lucia Ferrant overnight.", "Lucia Ferrant"),
        ("A visit by Chancellor Beatrix Oldenhove was planned.", "Beatrix Oldenhove"),
    ])
    func roleBeforeNameMakesAPerson(body: String, expected: String) {
        let found = actor(expected, in: body)
        #expect(found?.type == .person)
        #expect(!names(body).contains { $0.contains("Minister") || $0.contains("Secretary") || $0.contains("Gen") })
    }

    @Test func reportingVerbMakesALoneNameAPerson() {
        let body = "The plan is dead, Okonkwo said on Monday."
        #expect(actor("Okonkwo", in: body)?.type == .person)
    }

    @Test(arguments: [
        ("Shares of Veltrona Corp rose sharply.", "Veltrona Corp"),
        ("Officials at the Interior Ministry declined to comment.", "Interior Ministry"),
        ("The Harbour Workers Party won two seats.", "Harbour Workers Party"),
        ("A statement by the Ministry of Coastal Affairs followed.", "Ministry of Coastal Affairs"),
    ])
    func organisationHeadsMakeAnOrganisation(body: String, expected: String) {
        #expect(actor(expected, in: body)?.type == .organization)
    }
}

@Suite("Capitals that are not names")
struct CapitalisationTests {
    @Test func sentenceStartsAreNotActors() {
        let body = "During the visit, talks went well. According to officials, nothing changed. The mood was calm. Strengthening ties matters."
        let found = names(body)
        for junk in ["During", "According", "The", "Strengthening"] { #expect(!found.contains(junk)) }
        #expect(found.isEmpty)
    }

    @Test func allCapsHeadlineOnlyYieldsKnownNames() {
        let body = "GRAIN TALKS COLLAPSE IN CANADA AS FARMERS WALK OUT\nOttawa ministers met farmers on Monday."
        let found = names(body)
        #expect(found.contains("Canada"))
        #expect(!found.contains { ["GRAIN", "TALKS", "COLLAPSE", "FARMERS", "GRAIN TALKS COLLAPSE"].contains($0) })
    }

    @Test func titleCaseHeadlineIsNotMangledIntoActors() {
        let title = "Peru President Lindqvist, Chile Minister Aranda Agree to Widen Port Cooperation"
        let body = "Peruvian President Tomas Lindqvist met Chilean Foreign Minister Elena Aranda in Lima. Lindqvist said the ports would share data."
        let found = actors(body, title: title)
        let all = Set(found.map(\.name))
        #expect(all.contains("Tomas Lindqvist"))
        #expect(all.contains("Elena Aranda"))
        #expect(!all.contains { $0.contains("Agree") || $0.contains("Widen") || $0.contains("Port Cooperation") })
        // The title's surname counts towards the person's link.
        #expect(found.first { $0.name == "Tomas Lindqvist" }!.mentionCount == 3)
    }

    @Test func titleCaseLineInTheBodyIsNotGuessedFrom() {
        let body = "Brazil to Expand Rail Freight Links With Coastal Hubs\nBrazil announced a rail plan."
        #expect(names(body) == ["Brazil"])
    }

    @Test func hyphenatedCompoundsSplitIntoKnownParts() {
        let body = "The Kenya-NATO dialogue and wider Kenya-Ethiopia relations were reviewed."
        let found = actors(body)
        let all = Set(found.map(\.name))
        #expect(all == ["Kenya", "NATO", "Ethiopia"])
        let kenya = found.first { $0.name == "Kenya" }!
        #expect(kenya.mentions.map(\.text) == ["Kenya", "Kenya"])
    }

    @Test func demonymsAreNotActors() {
        let body = "Norwegian officials and Brazilian farmers met Norwegian Prime Minister Sigrun Dahle."
        let all = names(body)
        #expect(!all.contains("Norwegian"))
        #expect(!all.contains("Norway"))
        #expect(all.contains("Sigrun Dahle"))
    }

    @Test func possessiveIsTheState() {
        let body = "Kenya's new budget was praised. The plan follows Kenya’s reforms."
        let kenya = actor("Kenya", in: body)
        #expect(kenya?.type == .country)
        #expect(kenya?.mentions.map(\.text) == ["Kenya", "Kenya"])
    }

    @Test func boilerplateTeasersAreIgnored() {
        let body = "Chile signed the accord.\nMongolia’s Foreign Minister Dorj Bataar will visit Indonesia on…\nRead more"
        let all = names(body)
        #expect(all == ["Chile"])
    }
}

@Suite("Types and the gazetteer")
struct GazetteerTests {
    @Test(arguments: [
        ("Talks in Kenya ended.", "Kenya", ActorType.country),
        ("Talks in Nairobi ended.", "Nairobi", .location),
        ("Talks at the IMF ended.", "International Monetary Fund", .organization),
        ("Talks within ASEAN ended.", "ASEAN", .organization),
        ("Talks in the Indo-Pacific ended.", "Indo-Pacific", .location),
        ("Talks with South Korea ended.", "South Korea", .country),
    ])
    func knownNamesGetTheirType(body: String, name: String, type: ActorType) {
        #expect(actor(name, in: body)?.type == type)
    }

    @Test func unitedStatesAliasesAreOneActor() {
        let body = "The U.S. agreed. Later the US said more. The United States and America both appear."
        let found = actors(body).filter { $0.type == .country }
        #expect(found.count == 1)
        #expect(found.first?.name == "United States")
        #expect(found.first?.mentions.count == 4)
    }

    @Test func acronymAndExpansionAreOneOrganisation() {
        let body = "The North Atlantic Treaty Organization met. NATO then said it would meet again."
        let found = actors(body)
        #expect(found.map(\.name) == ["NATO"])
        #expect(found.first?.mentions.map(\.text) == ["North Atlantic Treaty Organization", "NATO"])
    }

    @Test func resolveCanonicalisesGivenNames() {
        let extractor = ActorExtractor()
        #expect(extractor.resolve("U.S.") == ("United States", .country))
        #expect(extractor.resolve("North Atlantic Treaty Organization") == ("NATO", .organization))
        #expect(extractor.resolve("  Mark   Rutte ") == ("Mark Rutte", .person))
        #expect(extractor.resolve("japanese").name == "Japan")
    }
}

@Suite("Aliases and mentions")
struct AliasTests {
    @Test func surnameAndTitledSurnameResolveToTheFullName() {
        let body = "Brenholt arrived first. Secretary-General Oskar Brenholt then spoke. Later, Secretary-General Brenholt left."
        let found = actors(body)
        #expect(found.map(\.name) == ["Oskar Brenholt"])
        #expect(found.first?.mentions.map(\.text) == ["Brenholt", "Oskar Brenholt", "Brenholt"])
    }

    @Test func mentionsAreUnicodeScalarOffsetsIntoTheBody() {
        let body = "Café talk 😀: “Élise Marchetti” — no. Then Élise Marchetti met Kenya’s envoy."
        let scalars = Array(body.unicodeScalars)
        for found in actors(body) {
            for mention in found.mentions {
                let text = String(String.UnicodeScalarView(scalars[mention.start..<mention.end]))
                #expect(text == mention.text)
            }
        }
        #expect(actor("Kenya", in: body)?.mentions.first?.start == 62)
        #expect(actor("Kenya", in: body)?.type == .country)
        #expect(actor("Élise Marchetti", in: body)?.mentions.count == 2)
    }

    @Test func emptyTextHasNoActors() {
        #expect(ActorExtractor().extract(title: "", body: "").isEmpty)
        #expect(ActorExtractor().extract(title: "\n\n", body: " \n ").isEmpty)
    }
}

@Suite("Corpus-wide merging")
struct RegistryTests {
    @Test func sameCanonicalNameIsOneActorAndSurnamesJoinAKnownFullName() {
        var registry = ActorRegistry()
        let first = registry.canonical(name: "Oskar Brenholt", type: .person)
        let second = registry.canonical(name: "Brenholt", type: .person)
        #expect(first.name == "Oskar Brenholt")
        #expect(second.name == "Oskar Brenholt")
        #expect(registry.canonical(name: "NATO", type: .organization).name == "NATO")
    }

    /// Names met again take a shortcut; what they resolve to, and what they teach, must not change.
    @Test func namesMetAgainResolveAsTheFirstTime() {
        var registry = ActorRegistry()
        for _ in 0..<3 {
            #expect(registry.canonical(name: "Oskar Brenholt", type: .person).name == "Oskar Brenholt")
            #expect(registry.canonical(name: "Velmar Trade Council", type: .organization).name == "Velmar Trade Council")
            #expect(registry.canonical(name: "Brenholt", type: .person).name == "Oskar Brenholt")
            #expect(registry.canonical(name: "VTC", type: .organization).name == "Velmar Trade Council")
        }
        // A name filed as a person is still filed under its initials when it comes as an organisation.
        _ = registry.canonical(name: "Dara Quell", type: .person)
        #expect(registry.canonical(name: "Dara Quell", type: .organization).name == "Dara Quell")
        #expect(registry.canonical(name: "DQ", type: .organization).name == "Dara Quell")
        // A second full name with the surname makes it ambiguous, however often the first was seen.
        _ = registry.canonical(name: "Ilse Brenholt", type: .person)
        #expect(registry.canonical(name: "Brenholt", type: .person).name == "Brenholt")
    }

    @Test func singleSpacingAgreesWithSplitAndJoin() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Bo", " ", "  ", "\t", "\n", "\u{A0}", "\u{3000}", "é", "-", "\r\n"]
        for _ in 0..<5_000 {
            let name = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(ActorRegistry.singleSpaced(name) == name.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(name.debugDescription)")
        }
        var registry = ActorRegistry()
        _ = registry.canonical(name: " Oskar\u{A0} Brenholt ", type: .person)
        #expect(registry.canonical(name: "Brenholt", type: .person).name == "Oskar Brenholt")
    }

    /// Organisations are filed under their initials counted by bytes for printable ASCII; by `Character` otherwise.
    @Test func wordsAndInitialsAgreeWithSplittingByCharacter() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Bo", "ECB", " ", "Ébre", "é", "-", "&", "1st", "\u{301}", "Ωmega", "\u{7F}", "zZ", "(A)"]
        for _ in 0..<5_000 {
            let name = ActorRegistry.singleSpaced(
                (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            let words = name.split(separator: " ")
            let expected = String(words.filter { $0.first?.isUppercase ?? false }.compactMap(\.first))
            let found = ActorRegistry.wordsAndInitials(of: name)
            #expect(found.words == words.count && found.initials == expected, "\(name.debugDescription)")
        }
    }

    @Test func ambiguousSurnamesStayApart() {
        var registry = ActorRegistry()
        _ = registry.canonical(name: "Anna Kovacs", type: .person)
        _ = registry.canonical(name: "Peter Kovacs", type: .person)
        #expect(registry.canonical(name: "Kovacs", type: .person).name == "Kovacs")
    }
}

@Suite("Sports tables and events")
struct TableAndEventTests {
    @Test func placesWithScoresInATableAreTeams() {
        let body = "Results on Saturday:\nLyon 2 Nairobi 1\nLyon won again on Sunday in Nairobi."
        let found = actors(body)
        #expect(found.first { $0.name == "Lyon" }?.type == .organization)
        #expect(found.first { $0.name == "Lyon" }?.mentions.count == 2)
        #expect(found.first { $0.name == "Nairobi" }?.type == .organization)
    }

    @Test func datelinesAreNotScores() {
        let body = "NAIROBI 2026-03-14\nKenya signed the accord."
        #expect(actor("Nairobi", in: body)?.type == .location)
    }

    @Test(arguments: ["He watched the World Cup final.", "Veterans of the Gulf War met.", "She won the Kenya Open easily."])
    func eventsAreNotActors(body: String) {
        #expect(!actors(body).contains { $0.type == .person || $0.name.contains("Cup") || $0.name.contains("War") || $0.name.contains("Open") })
    }

    @Test func pluralNounsBeforeReportingVerbsAreNotPeople() {
        #expect(names("Prices fell, Analysts said on Monday.").isEmpty)
    }
}

@Suite("Registry merge of whole articles")
struct RegistryMergeTests {
    @Test func mergeCombinesActorsThatShareACorpusName() {
        var registry = ActorRegistry()
        _ = registry.merge([ExtractedActor(name: "Oskar Brenholt", type: .person, mentions: [], mentionCount: 1)])
        let merged = registry.merge([
            ExtractedActor(name: "Brenholt", type: .person, mentions: [ActorMention(start: 9, end: 17, text: "Brenholt")], mentionCount: 1),
            ExtractedActor(name: "Oskar Brenholt", type: .person, mentions: [ActorMention(start: 0, end: 8, text: "O. Brenholt")], mentionCount: 2),
        ])
        #expect(merged.count == 1)
        #expect(merged.first?.name == "Oskar Brenholt")
        #expect(merged.first?.mentionCount == 3)
        #expect(merged.first?.mentions.map(\.start) == [0, 9])
    }
}
