import Foundation

/// Ranking parameters, documented for users of `--explain`-style tuning and the evaluator.
///
/// Tuned on Cranfield (see BENCHMARKS.md); defaults favour titles and documents with every term.
public struct RankingParameters: Sendable, Hashable {
    /// Term-frequency saturation (BM25's k1).
    public var k1: Double
    /// Field weights: a title word counts this many body words.
    public var titleWeight: Double
    public var bodyWeight: Double
    /// Length normalisation per field (BM25's b): titles vary little in length, bodies a lot.
    public var titleB: Double
    public var bodyB: Double
    /// Coverage exponent: the score is multiplied by (matched clauses / clauses) to this power.
    public var coverage: Double
    /// Weight of the proximity bonus for query terms standing close together.
    public var proximity: Double

    public init(
        k1: Double = 1.2, titleWeight: Double = 2.0, bodyWeight: Double = 1.0, titleB: Double = 0.5,
        bodyB: Double = 0.75, coverage: Double = 1.0, proximity: Double = 0.5
    ) {
        self.k1 = k1
        self.titleWeight = titleWeight
        self.bodyWeight = bodyWeight
        self.titleB = titleB
        self.bodyB = bodyB
        self.coverage = coverage
        self.proximity = proximity
    }

    public static let `default` = RankingParameters()
}

/// What the ranking needs to know about one document and the query: FTS5 fills it from `xInst*`,
/// `xColumnSize`, `xColumnTotalSize`, `xRowCount` and `xQueryPhrase`; tests fill it by hand.
public struct MatchStatistics: Sendable {
    /// The clauses (FTS5 phrases) the score is out of.
    public var clauseCount: Int
    /// The query clause of each FTS5 phrase (`MatchExpression.phraseClauses`), -1 for an excluded one;
    /// empty means each phrase is its own clause. A synonym alternative shares its clause.
    public var phraseClause: [Int] = []
    /// `idf[phrase]`, from ``BM25FModel/idf(documentFrequency:documentCount:)``.
    public var idf: [Double]
    /// Average length in tokens of each column over the collection.
    public var averageLength: [Double]
    /// This document's length in tokens, per column.
    public var columnLength: [Int]
    /// `(phrase, column, offset)` for every hit, ordered by column then offset (FTS5's xInst order).
    public var hits: [(phrase: Int, column: Int, offset: Int)]

    public init(
        clauseCount: Int, idf: [Double], averageLength: [Double], columnLength: [Int],
        hits: [(phrase: Int, column: Int, offset: Int)]
    ) {
        self.clauseCount = clauseCount
        self.idf = idf
        self.averageLength = averageLength
        self.columnLength = columnLength
        self.hits = hits
    }
}

/// BM25F with a coverage factor and a proximity bonus.
///
/// Term frequencies are combined across fields, each weighted and normalised by its own length,
/// *before* saturation (true BM25F, not a sum of per-field BM25 scores). Documents lacking some
/// clauses are ranked too, scaled by `(matched / clauses)^coverage`, so that for short queries the
/// documents with every term lead without a hard wall. Hits of different clauses close together
/// add a bonus that decays with the square of their distance.
public struct BM25FModel: Sendable {
    public var parameters: RankingParameters

    public init(parameters: RankingParameters = .default) {
        self.parameters = parameters
    }

    /// Never negative (unlike the classic Robertson–Spärck Jones IDF, which goes below zero for
    /// terms in more than half the documents and would then punish a match).
    public static func idf(documentFrequency: Int, documentCount: Int) -> Double {
        let n = Double(max(documentCount, 1)), df = Double(min(max(documentFrequency, 0), max(documentCount, 1)))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    public func score(_ statistics: MatchStatistics) -> Double {
        let phrases = statistics.idf.count
        guard phrases > 0 else { return 0 }
        // Called once per matching row: a stack buffer, not an array, keeps the hot path allocation-free.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: phrases) { weighted in
            weighted.initialize(repeating: 0)
            let norms = (lengthNorm(0, statistics), lengthNorm(1, statistics))
            for hit in statistics.hits where hit.phrase < phrases {
                let norm = hit.column == 0 ? norms.0 : hit.column == 1 ? norms.1 : lengthNorm(hit.column, statistics)
                weighted[hit.phrase] += fieldWeight(hit.column) / norm
            }
            var bm25 = 0.0
            var matched = 0
            var seen: UInt64 = 0  // clauses matched so far, as bits (clauses beyond 64 count once each)
            for phrase in 0..<phrases where weighted[phrase] > 0 {
                let tf = weighted[phrase]
                bm25 += statistics.idf[phrase] * tf * (parameters.k1 + 1) / (parameters.k1 + tf)
                let clause = phrase < statistics.phraseClause.count ? statistics.phraseClause[phrase] : phrase
                if clause < 0 { continue }
                if clause >= 64 {
                    matched += 1
                } else if seen & (1 << clause) == 0 {
                    seen |= 1 << clause
                    matched += 1
                }
            }
            guard bm25 > 0 else { return 0 }
            let clauses = max(statistics.clauseCount, matched, 1)
            let coverage = matched == clauses ? 1 : pow(Double(matched) / Double(clauses), parameters.coverage)
            return bm25 * coverage + proximityBonus(statistics, matched: matched)
        }
    }

    func clause(of phrase: Int, _ statistics: MatchStatistics) -> Int {
        phrase < statistics.phraseClause.count ? statistics.phraseClause[phrase] : phrase
    }

    func fieldWeight(_ column: Int) -> Double { column == 0 ? parameters.titleWeight : parameters.bodyWeight }

    func lengthNorm(_ column: Int, _ statistics: MatchStatistics) -> Double {
        let b = column == 0 ? parameters.titleB : parameters.bodyB
        let length = column < statistics.columnLength.count ? Double(statistics.columnLength[column]) : 0
        let average = column < statistics.averageLength.count ? max(statistics.averageLength[column], 1) : 1
        return 1 - b + b * length / average
    }

    /// Adjacent hits of different clauses in the same field: `min(idf) / distance²`, saturated.
    func proximityBonus(_ statistics: MatchStatistics, matched: Int) -> Double {
        guard parameters.proximity > 0, matched > 1, statistics.hits.count > 1 else { return 0 }
        var closeness = 0.0
        var previous = statistics.hits[0]
        for hit in statistics.hits.dropFirst() {
            if hit.column == previous.column, clause(of: hit.phrase, statistics) != clause(of: previous.phrase, statistics) {
                let distance = Double(max(hit.offset - previous.offset, 1))
                closeness += min(statistics.idf[hit.phrase], statistics.idf[previous.phrase]) / (distance * distance)
            }
            previous = hit
        }
        let meanIDF = statistics.idf.reduce(0, +) / Double(statistics.idf.count)
        return parameters.proximity * meanIDF * closeness / (1 + closeness)
    }
}
