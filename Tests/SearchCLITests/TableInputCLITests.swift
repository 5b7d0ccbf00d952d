import Foundation
import NewsSearchTestSupport
import Testing

/// Files that hold many articles: every record becomes an article, through the built `search`, and
/// what cannot be read is named.
@Suite struct TableInputCLITests {
    @Test func csvRowsJSONArraysAndRepeatedIDs() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        _ = try folder.write(
            "title,date,source,body\n"
                + "Harbour cranes return,2024-05-01,Coast Ledger,\"The port said all six cranes work again, two weeks early.\"\n"
                + "Pilots agree roster,2024-05-03,Coast Ledger,\"After a week of talks, the pilots agreed a roster.\"\n"
                + "Broken row\n",
            to: "in/wire.csv")
        // Three articles without ids: each used to take the file's name as its id and replace the last.
        _ = try folder.write(
            #"[{"title":"Ferry timetable","body":"The winter ferry timetable starts on Monday."},"#
                + #"{"title":"Dredging contract","body":"A dredging contract went to a local firm."},"#
                + #"{"title":"Lighthouse repairs","body":"Repairs to the lighthouse lamp are finished."}]"#,
            to: "in/array.json")
        _ = try folder.write(
            #"{"id":"rep","title":"First version","body":"Tug crews met the harbour master."}"# + "\n"
                + #"{"id":"rep","title":"Second version","body":"Tug crews met the harbour master again."}"# + "\n",
            to: "in/repeat.jsonl")
        _ = try folder.write("%PDF-1.7\n% harbour annual report\n1 0 obj", to: "in/report.pdf")
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("in").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("6 added, 0 updated, 0 removed, 0 unchanged, 2 skipped"), "\(run.stdout)")
        #expect(run.stdout.contains("wire.csv:4: row has 1 fields, the header 4"), "\(run.stdout)")
        #expect(run.stdout.contains("report.pdf: a PDF document: extract its text first"), "\(run.stdout)")
        #expect((run.stdout + run.stderr).contains("id 'rep' is given to more than one record"), "\(run.stdout)\(run.stderr)")

        let all = try binary.run(["--index", index, "--json", "--limit", "20", ""])
        let hits = try #require((try JSONSerialization.jsonObject(with: all.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])
        #expect(Set(hits.compactMap { $0["title"] as? String }) == [
            "Harbour cranes return", "Pilots agree roster", "Ferry timetable", "Dredging contract",
            "Lighthouse repairs", "Second version",
        ])
        #expect(Set(hits.compactMap { $0["id"] as? String }).isSuperset(of: ["array.json#1", "array.json#3", "wire.csv#2", "rep"]))
        let cranes = try binary.run(["--index", index, "--json", "cranes"])
        let hit = try #require(((try JSONSerialization.jsonObject(with: cranes.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])?.first)
        #expect(hit["source"] as? String == "Coast Ledger")
        #expect(hit["date"] as? String == "2024-05-01")

        // Nothing changed: a second run reads nothing and warns of nothing.
        let again = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("in").path])
        #expect(again.stdout.contains("0 added, 0 updated, 0 removed, 6 unchanged"), "\(again.stdout)")
        #expect(!(again.stdout + again.stderr).contains("more than one record"))
    }
}
