import Testing
@testable import NewsActors

/// Fixtures are our own lines, built to exercise one rule each.
@Suite("Rows of figures and names joined by \"and\"")
struct FiguresRowTests {
    private func names(_ body: String) -> Set<String> {
        Set(ActorExtractor().extract(title: "", body: body).map(\.name))
    }

    @Test func figuresRowLabelsAreNotActors() {
        let body = """
            Turnover 4.2 mln vs 3.9 mln

            Orders 812,000 vs 640,500

            Earnings loss nil vs profit two pence

            Backlog 31 units

            The toolmaker Harwick Dunmore Ltd said demand held up.
            """
        let found = names(body)
        #expect(found.contains("Harwick Dunmore Ltd"))
        #expect(found.isDisjoint(with: ["Turnover", "Orders", "Earnings", "Backlog"]))
    }

    @Test func figuresRowKeepsANameTheRunningTextConfirms() {
        let body = "Fenwick 12 mln tonnes vs 9 mln tonnes\n\nThe grower Orla Fenwick said the harvest was late."
        let fenwick = ActorExtractor().extract(title: "", body: body).first { $0.name == "Orla Fenwick" }
        #expect(fenwick?.mentionCount == 2)
    }

    @Test func figuresRowKeepsANameTheGazetteerKnows() {
        let found = names("Kenya 12 mln tonnes vs 9 mln tonnes\n\nSteady rains helped the crop.")
        #expect(found == ["Kenya"])
    }

    @Test func figuresRowAfterADatelineOnTheSameLine() {
        let body = """
            BRAMPTON FALLS, Ont., Oct 9 - Turnover 4.2 mln vs 3.9 mln
            Orders 812,000 vs 640,500

            QUELLEN, Sept 30 - Backlog 31 units vs 28 units
            """
        let found = names(body)
        #expect(found.isDisjoint(with: ["Turnover", "Orders", "Backlog"]))
    }

    @Test func datelineBeforeRunningTextIsUnchanged() {
        let body = "KESTREL BAY, Ont., Oct 9 - Harwick Dunmore Ltd said on Friday that its 12 mills ran at 80 pct."
        #expect(names(body).contains("Harwick Dunmore Ltd"))
        let scanned = TextScanner.scan(body)
        let dash = scanned.tokens.firstIndex { scanned.text($0, is: "-") }
        #expect(dash != nil && LineKind.datelineEnd(scanned.tokens[...], in: scanned) == dash)
    }

    @Test func rowOfBareNumbersIsStillATable() {
        // No unit and no "vs": a standings row, whose label is a team read as in running text.
        let body = "Standings after Sunday's games.\nKestrel Rovers 5 4 1 0 12 3 13\nMarden Athletic 5 3 1 1 9 6 10"
        #expect(names(body).isSuperset(of: ["Kestrel Rovers", "Marden Athletic"]))
    }

    @Test func bodyNamedForTwoSubjectsIsOneName() {
        let found = names("Inspectors from the Fisheries and Coastal Commission visited the harbour on Monday.")
        #expect(found.contains("Fisheries and Coastal Commission"))
        #expect(!found.contains("Fisheries"))
        #expect(!found.contains("Coastal Commission"))
    }

    @Test func placesJoinedByAndStayApart() {
        let found = names("Officials said Japan and China Development Bank would lend jointly, and Peru and Chile agreed.")
        #expect(found.isSuperset(of: ["Japan", "Peru", "Chile"]))
        #expect(!found.contains { $0.hasPrefix("Japan and") || $0.hasPrefix("Peru and") })
    }
}
