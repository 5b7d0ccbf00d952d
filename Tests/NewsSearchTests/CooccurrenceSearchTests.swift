import Foundation
import NewsActors
import NewsDates
import NewsIngest
import NewsQuery
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// `Searcher.associations` and `Searcher.actorGraph` on a corpus with planted associations
/// (``PlantedCooccurrenceCorpus`` lists them).
@Suite struct CooccurrenceSearchTests {
    let corpus: PlantedCooccurrenceCorpus
    let searcher: Searcher

    init() throws {
        corpus = try PlantedCooccurrenceCorpus()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.file.path]))
        searcher = Searcher(store: store)
    }

    func associations(_ name: String, _ configure: (inout AssociationRequest) -> Void = { _ in }) throws -> ActorAssociations {
        var request = AssociationRequest(actor: name)
        configure(&request)
        return try searcher.associations(request)
    }

    @Test func anActorInEveryArticleNeverOutranksAClosePartner() throws {
        let answer = try associations("Anna Kowalska")
        #expect(answer.selected == 40)
        #expect(answer.actor == ActorCount(name: "Anna Kowalska", type: .person, count: 10))
        let names = answer.associates.map(\.name)
        #expect(names.first == "Piotr Nowak")
        let nowak = try #require(answer.associates.first)
        #expect(nowak.counts == Cooccurrence(together: 7, first: 10, second: 8, total: 40))
        // Japan is beside her in all ten of her articles, more often than anyone, and scores nothing.
        let japan = try #require(answer.associates.first { $0.name == "Japan" })
        #expect(japan.counts.together == 10 && japan.counts.second == 40)
        #expect(japan.counts.logLikelihood == 0)
        #expect(names.firstIndex(of: "Japan")! > names.firstIndex(of: "Piotr Nowak")!)
        // NATO (3 together, 2.25 expected) is mildly attracted; Ewa Lis (5 together, 5 expected) not at all.
        #expect(names == ["Piotr Nowak", "NATO", "Ewa Lis", "Japan"] || names == ["Piotr Nowak", "NATO", "Japan", "Ewa Lis"])
        #expect(!names.contains("Anna Kowalska"))
    }

    @Test func theMinimumCountIsRespected() throws {
        #expect(!(try associations("Anna Kowalska")).associates.contains { $0.name == "Jan Rzadki" })
        let once = try associations("Anna Kowalska") { $0.minimumCount = 1 }
        let rzadki = try #require(once.associates.first { $0.name == "Jan Rzadki" })
        #expect(rzadki.counts.together == 1)
        // His PMI is the highest there is, but one article is less evidence than Nowak's seven.
        #expect(rzadki.counts.pmi! > once.associates[0].counts.pmi!)
        #expect(once.associates[0].name == "Piotr Nowak")
        let strict = try associations("Anna Kowalska") { $0.minimumCount = 8 }
        #expect(strict.associates.map(\.name) == ["Japan"])
    }

    @Test func theQueryNarrowsTheSelection() throws {
        let answer = try associations("kowalska") { $0.scope = ArticleScope(text: "harbor") }
        #expect(answer.selected == 15)
        #expect(answer.actor.count == 5)
        let nowak = try #require(answer.associates.first { $0.name == "Piotr Nowak" })
        #expect(nowak.counts == Cooccurrence(together: 5, first: 5, second: 6, total: 15))
        // Lis is in 5 harbor articles, none of them Kowalska's: below the minimum count, so not listed.
        #expect(!answer.associates.contains { $0.name == "Ewa Lis" })
    }

    @Test func filtersNarrowTheSelection() throws {
        let bySource = try associations("Anna Kowalska") { $0.scope.filters.sources = ["Alpha Wire"] }
        #expect(bySource.selected == 20)
        #expect(bySource.actor.count == 5)  // 0, 2, 4, 6, 8
        #expect(bySource.associates.first { $0.name == "Piotr Nowak" }?.counts.together == 4)  // 0, 2, 4, 6
        let byDate = try associations("Anna Kowalska") { $0.scope.filters.since = ArticleDate(parsing: "2025") }
        #expect(byDate.selected == 20)
        #expect(byDate.actor.count == 0)
        #expect(byDate.associates.isEmpty)
        let byActor = try associations("Anna Kowalska") { $0.scope.filters.actors = ["NATO"] }
        #expect(byActor.selected == 9)
        #expect(byActor.actor.count == 3)
    }

    @Test func theTypeFilterAndTheLimitApply() throws {
        #expect(try associations("Anna Kowalska") { $0.type = .country }.associates.map(\.name) == ["Japan"])
        #expect(try associations("Anna Kowalska") { $0.limit = 1 }.associates.map(\.name) == ["Piotr Nowak"])
        #expect(try associations("Anna Kowalska") { $0.limit = 0 }.associates.isEmpty)
    }

    @Test func namesResolveAsTheActorFilterDoes() throws {
        #expect(try associations("ANNA KOWALSKA").actor.name == "Anna Kowalska")
        #expect(try associations("Nowak").actor.name == "Piotr Nowak")
        #expect(try associations("nato").actor.name == "NATO")
    }

    @Test func anUnknownActorIsAnErrorWithTheClosestNames() throws {
        let error = try #require(throws: CooccurrenceError.self) { try associations("Ana Kowalsky") }
        guard case .unknownActor(let name, let closest) = error else { Issue.record("\(error)"); return }
        #expect(name == "Ana Kowalsky")
        #expect(closest.count == 3 && closest.first == "Anna Kowalska")
        #expect(error.description.hasPrefix("no actor matches 'Ana Kowalsky'; closest: Anna Kowalska, "))
        #expect(throws: CooccurrenceError.emptyActorName) { try associations("  ") }
    }

    @Test func theGraphHasTheFrequentActorsAndWeightedEdges() throws {
        let graph = try searcher.actorGraph(ActorGraphRequest())
        #expect(graph.selected == 40)
        #expect(graph.nodes.map(\.name) == ["Japan", "Ewa Lis", "Anna Kowalska", "NATO", "Piotr Nowak", "Jan Rzadki"])
        #expect(graph.nodes.map(\.count) == [40, 20, 10, 9, 8, 1])
        func weight(_ a: String, _ b: String) -> Int? {
            graph.edges.first { edge in
                Set([graph.nodes[edge.source].name, graph.nodes[edge.target].name]) == [a, b]
            }?.counts.together
        }
        #expect(weight("Anna Kowalska", "Piotr Nowak") == 7)
        #expect(weight("Japan", "Ewa Lis") == 20)
        #expect(weight("Anna Kowalska", "Jan Rzadki") == nil)  // one article: below the default minimum of 2
        #expect(graph.edges.allSatisfy { $0.source < $0.target && $0.counts.together >= 2 })
        #expect(graph.edges.map(\.counts.together) == graph.edges.map(\.counts.together).sorted(by: >))
    }

    @Test func theGraphsLimitsApply() throws {
        var request = ActorGraphRequest()
        request.maximumNodes = 2
        request.minimumEdgeCount = 25
        let small = try searcher.actorGraph(request)
        #expect(small.nodes.map(\.name) == ["Japan", "Ewa Lis"])
        #expect(small.edges.isEmpty)
        request = ActorGraphRequest()
        request.scope = ArticleScope(text: "harbor")
        request.type = .person
        let people = try searcher.actorGraph(request)
        #expect(people.selected == 15)
        #expect(people.nodes.map(\.name) == ["Piotr Nowak", "Anna Kowalska", "Ewa Lis", "Jan Rzadki"])
        #expect(people.nodes.map(\.count) == [6, 5, 5, 1])
    }
}
