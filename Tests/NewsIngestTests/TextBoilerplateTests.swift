import Foundation
import Testing

@testable import NewsIngest

/// Text files shaped like the scraped seed articles: each reproduces one boilerplate pattern.
@Suite("Text fixtures with seed-like boilerplate")
struct TextBoilerplateTests {
    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let title: String
        let date: String?
        let keep: [String]
        let drop: [String]
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(
            file: "ad-placeholders.txt",
            title: "Finland's president says Arctic and Baltic security cannot be separated", date: nil,
            keep: ["On his first visit to Oslo", "pressure on undersea cables", "Shared Supply Chains", "Next Steps",
                "observers from Sweden and Denmark"],
            drop: ["Reklam", "Comments you share", "respectful"]),
        Case(
            file: "lede-first.txt",
            title: "Canada and South Korea agreed on Thursday to deepen cooperation on critical minerals as both governments look to reduce their dependence on a single supplier.",
            date: nil,
            keep: ["Canada and South Korea agreed on Thursday", "joint processing plants", "icebreakers", "meet again in Seoul"],
            drop: []),
        Case(
            file: "digest-template.txt",
            title: "Australia and the Philippines are expanding their joint maritime patrols, adding air surveillance and a new logistics agreement after a meeting of defense ministers in Manila this week.",
            date: nil,
            keep: ["Regional Stakes", "- The patrols signal closer coordination", "A logistics deal", "most detailed the two militaries",
                "visiting forces agreement in 2012", "The joint patrols are meant to show"],
            drop: ["What's happened", "What the papers say", "Go deeper", "Will other partners join", "Common question",
                "More on these topics", "archipelago of more than seven thousand islands", "\n-\n"]),
        Case(
            file: "ranking-tail.txt",
            title: "Tokyo and Canberra Agree to Co-develop Unmanned Submarine Technology in New Defense Pact",
            date: "2025-03-03",
            keep: ["develop unmanned underwater vehicles together", "patents will be shared", "prototype could be tested"],
            drop: ["09:30 JST", "Related Tags", "POPULAR ARTICLE", "Rice Prices Fall", "ACCESS RANKING", "Exports Rise", "\n-"]),
        Case(
            file: "reply-tail.txt",
            // The weekday date above the headline is the site's current-date banner: not the article's date.
            title: "Estonia and Japan Sign Cybersecurity Memorandum in Tallinn", date: nil,
            keep: ["signed a memorandum on Monday", "attacks on hospitals and power grids", "annual exercise hosted by a research centre"],
            drop: ["Date:", "Monday, June 2", "REPLY", "Please enter", "Share post", "Subscribe", "spot_img", "Popular",
                "More like this", "Related", "Latvia", "Lithuania"]),
        Case(
            file: "headline-list-only.txt",
            title: "Ferry Operator Adds Winter Sailings to Northern Islands", date: nil,
            keep: ["add two sailings a week", "Tuesdays and Saturdays"],
            drop: ["Harbour Master Warns", "New Fish Market", "Island School", "Wind Turbines", "\n-"]),
    ]

    @Test("title, date, kept paragraphs and removed boilerplate", arguments: cases)
    func seedPattern(_ expected: Case) throws {
        let report = Ingestor().extract(data: try Fixtures.data("text/" + expected.file), path: "corpus/" + expected.file)
        #expect(report.skipped == nil)
        #expect(report.title == expected.title)
        #expect(report.date?.description == expected.date)
        if expected.date != nil { #expect(report.dateOrigin == .header) }
        for fragment in expected.keep { #expect(report.body.contains(fragment), "lost: \(fragment)") }
        for fragment in expected.drop { #expect(!report.body.contains(fragment), "kept: \(fragment)") }
        #expect(!report.body.hasPrefix(expected.title + "\n"))
        #expect(report.removed.allSatisfy { !$0.reason.isEmpty })
    }

    @Test("front matter gives title, date and source; the duplicate heading and the ad go")
    func frontMatter() throws {
        let report = Ingestor().extract(data: try Fixtures.data("text/front-matter.md"), path: "x/front-matter.md")
        #expect(report.title == "Coastal towns test flood sirens")
        #expect(report.date?.description == "2025-10-07")
        #expect(report.dateOrigin == .frontMatter)
        #expect(report.source == "The Japan Times")
        #expect(report.sourceOrigin == .frontMatter)
        #expect(report.authors == ["Mina Sato", "Leo Grant"])
        #expect(report.body.hasPrefix("Eleven coastal towns"))
        #expect(!report.body.contains("Advertisement"))
        #expect(report.removed.contains { $0.kind == .duplicateTitle })
    }

    @Test("without front matter the first non-empty line is the title; 'Date:' and a lone '-' go")
    func plainTitleAndLabels() {
        let text = "\n\nHarbour reopens after storm\nDate:\n-\nThe harbour reopened on Sunday after a week of repairs to the breakwater, the port said.\n"
        let report = Ingestor().extract(data: Data(text.utf8), path: "news/harbour.txt")
        #expect(report.title == "Harbour reopens after storm")
        #expect(report.body == "The harbour reopened on Sunday after a week of repairs to the breakwater, the port said.")
        #expect(report.removed.map(\.kind) == [.emptyLabel, .separator])
    }

    @Test("a one-word label alone goes; a lead-in to a quotation stays")
    func labels() {
        let text = "Minister resigns\nAuthor:\nThe minister resigned on Friday after a week of pressure from her own party.\nShe said:\n\"I have done what I could.\""
        let report = Ingestor().extract(data: Data(text.utf8), path: "a.txt")
        #expect(!report.body.contains("Author:"))
        #expect(report.body.contains("She said:"))
    }

    @Test("'Apr. 10' is a full date only when the path names the year")
    func monthDayNeedsYear() {
        let text = "Council approves plan\nApr. 10\nThe council met on Tuesday and approved the plan after a long debate about costs."
        #expect(Ingestor().extract(data: Data(text.utf8), path: "news/plan.txt").date == nil)
        let dated = Ingestor().extract(data: Data(text.utf8), path: "news/2025/plan.txt")
        #expect(dated.date?.description == "2025-04-10")
        #expect(dated.dateOrigin == .header)
    }

    @Test("boilerplate words inside prose are not removed")
    func prosePreserved() {
        let text = """
            Readers Subscribe to Print Again
            Popular magazines reported that readers who subscribe to print editions stayed longer than online readers, a survey of publishers found this week.
            Related research from the same group looked at how share buttons and comment sections change what people read next.
            Popular
            """
        let report = Ingestor().extract(data: Data(text.utf8), path: "a.txt")
        #expect(report.body.contains("Popular magazines reported"))
        #expect(report.body.contains("Related research"))
        #expect(!report.body.hasSuffix("Popular"))
        // Turkish "çerez" (also "snack") in a news sentence is not a cookie notice.
        let snack = "Bayram öncesi fiyatlar\nBayram öncesi çerez ve kuruyemiş fiyatları geçen yıla göre yüzde 30 arttı."
        #expect(Ingestor().extract(data: Data(snack.utf8), path: "b.txt").body.contains("çerez ve kuruyemiş"))
    }

    @Test("source falls back to the caller's default, then the folder name, normalised")
    func sourceFallbacks() {
        let data = Data("Title\nSome body text that is long enough to count as an article paragraph.".utf8)
        let withDefault = Ingestor().extract(data: data, path: "a.txt", defaultSource: "Japan Times", folderName: "dump")
        #expect(withDefault.source == "The Japan Times")
        #expect(withDefault.sourceOrigin == .defaultSource)
        let withFolder = Ingestor().extract(data: data, path: "a.txt", folderName: "city-desk")
        #expect(withFolder.source == "city-desk")
        #expect(withFolder.sourceOrigin == .folderName)
        let none = Ingestor().extract(data: data, path: "a.txt")
        #expect(none.source == nil && none.sourceOrigin == nil)
        // A folder named after a known outlet gets the outlet's name.
        #expect(Ingestor().extract(data: data, path: "a.txt", folderName: "yomiuri").source == "The Yomiuri Shimbun")
    }

    @Test("a weekday date above the headline is a banner; below it, or without a weekday, it is the date")
    func banner() {
        let body = "\nThe council met on Tuesday and approved the plan after a long debate about costs and timing."
        let cases: [(String, String?)] = [
            ("Thursday, May 22, 2025\n\nCouncil approves plan" + body, nil),
            ("Council approves plan\nThursday, May 22, 2025" + body, "2025-05-22"),
            ("May 22, 2025\nCouncil approves plan" + body, "2025-05-22"),
        ]
        for (text, expected) in cases {
            let report = Ingestor().extract(data: Data(text.utf8), path: "a.txt")
            #expect(report.title == "Council approves plan")
            #expect(report.date?.description == expected)
            #expect(!report.body.contains("May 22"))
        }
    }

    @Test("a date in the file name is used when the text has none")
    func fileNameDate() {
        let data = Data("Title\nBody without any date in it, long enough to be a paragraph of news text.".utf8)
        let report = Ingestor().extract(data: data, path: "archive/2024-11-05-vote.txt")
        #expect(report.date?.description == "2024-11-05")
        #expect(report.dateOrigin == .fileName)
    }
}
