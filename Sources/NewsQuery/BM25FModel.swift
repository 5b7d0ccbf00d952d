import Foundation

/// Ranking parameters, documented for users of `--explain`-style tuning and the evaluator.
///
/// Tuned on Cranfield with `scripts/tune-ranking` (grids in BENCHMARKS.md): titles weigh 4× body words,
/// k1 = 1.6, b = 0.3 (title) and 0.75 (body). Coverage and proximity were set for short news queries
/// and checked to cost Cranfield's long questions almost nothing; BM25+'s delta hurt there and is off.
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
    /// BM25+'s lower bound: a matched term adds at least this much (times its IDF), so a long
    /// document is not ranked below one that lacks the term entirely.
    public var delta: Double

    public init(
        k1: Double = 1.6, titleWeight: Double = 4.0, bodyWeight: Double = 1.0, titleB: Double = 0.3,
        bodyB: Double = 0.75, coverage: Double = 1.0, proximity: Double = 0.3, delta: Double = 0
    ) {
        self.delta = delta
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
    /// How much each phrase counts in the BM25 sum (empty: 1 each). Expansion terms from relevance
    /// feedback weigh less than the user's words; a user word the feedback also favours weighs more.
    public var phraseWeight: [Double] = []
    /// ``clauseWeight(clauses:)``, computed once per query by whoever fills this value (0: computed per call).
    public var fullCoverageWeight: Double = 0
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
            for phrase in 0..<phrases where weighted[phrase] > 0 {
                let tf = weighted[phrase]
                let weight = phrase < statistics.phraseWeight.count ? statistics.phraseWeight[phrase] : 1
                bm25 += weight * statistics.idf[phrase] * (tf * (parameters.k1 + 1) / (parameters.k1 + tf) + parameters.delta)
            }
            guard bm25 > 0 else { return 0 }
            // Coverage weighs each clause by its IDF: lacking "the" costs nothing, lacking "wing" a lot.
            let clauses = max(statistics.clauseCount, 1)
            let coverage = withUnsafeTemporaryAllocation(of: Double.self, capacity: clauses) { best in
                best.initialize(repeating: 0)
                for phrase in 0..<phrases where weighted[phrase] > 0 {
                    let clause = self.clause(of: phrase, statistics)
                    guard clause >= 0, clause < clauses else { continue }
                    best[clause] = max(best[clause], statistics.idf[phrase] + 1e-9)
                }
                var have = 0.0
                for clause in 0..<clauses where best[clause] > 0 {
                    have += best[clause]
                    matched += 1
                }
                let total = statistics.fullCoverageWeight > 0
                    ? statistics.fullCoverageWeight : statistics.clauseWeight(clauses: clauses)
                return total > 0 ? min(have / total, 1) : 1
            }
            // Coverage matters most for short queries, where a missing word is a missing topic; a long
            // question is rarely answered word for word, so its exponent fades with its length.
            let strength = parameters.coverage * min(1, 16 / Double(clauses * clauses))
            let factor = coverage >= 1 ? 1 : pow(coverage, strength)
            return bm25 * factor + proximityBonus(statistics, matched: matched)
        }
    }

    func clause(of phrase: Int, _ statistics: MatchStatistics) -> Int {
        phrase < statistics.phraseClause.count ? statistics.phraseClause[phrase] : phrase
    }

    func fieldWeight(_ column: Int) -> Double { column == 0 ? parameters.titleWeight : parameters.bodyWeight }

    func lengthNorm(_ column: Int, _ statistics: MatchStatistics) -> Double {
        lengthNorm(
            column, length: column < statistics.columnLength.count ? statistics.columnLength[column] : 0,
            average: column < statistics.averageLength.count ? statistics.averageLength[column] : 1)
    }

    @inline(__always)
    func lengthNorm(_ column: Int, length: Int, average: Double) -> Double {
        let b = column == 0 ? parameters.titleB : parameters.bodyB
        return 1 - b + b * Double(length) / max(average, 1)
    }

    /// Adjacent hits of different clauses in the same field: `min(idf) / distance²`, saturated. Only the
    /// user's own clauses count: expansion terms standing near a query word say little about the query.
    func proximityBonus(_ statistics: MatchStatistics, matched: Int) -> Double {
        guard parameters.proximity > 0, matched > 1, statistics.hits.count > 1 else { return 0 }
        var closeness = 0.0
        var previous = statistics.hits[0]
        for hit in statistics.hits.dropFirst() {
            let (here, before) = (clause(of: hit.phrase, statistics), clause(of: previous.phrase, statistics))
            if hit.column == previous.column, here != before, here != MatchExpression.expansionClause,
                before != MatchExpression.expansionClause
            {
                let distance = Double(max(hit.offset - previous.offset, 1))
                closeness += min(statistics.idf[hit.phrase], statistics.idf[previous.phrase]) / (distance * distance)
            }
            previous = hit
        }
        var idfSum = 0.0, counted = 0
        for phrase in statistics.idf.indices where clause(of: phrase, statistics) != MatchExpression.expansionClause {
            idfSum += statistics.idf[phrase]
            counted += 1
        }
        let meanIDF = idfSum / Double(max(counted, 1))
        return parameters.proximity * meanIDF * closeness / (1 + closeness)
    }
}

extension MatchStatistics {
    /// The summed IDF of all clauses (each clause weighs as its rarest phrase): what full coverage is.
    public func clauseWeight(clauses: Int) -> Double {
        clauseIDF(clauses: clauses).reduce(0, +)
    }

    /// Each clause's weight in the coverage factor: the IDF of its rarest phrase.
    func clauseIDF(clauses: Int) -> [Double] {
        var best = [Double](repeating: 0, count: clauses)
        for phrase in idf.indices {
            let clause = phrase < phraseClause.count ? phraseClause[phrase] : phrase
            if clause >= 0 && clause < clauses { best[clause] = max(best[clause], idf[phrase] + 1e-9) }
        }
        return best
    }
}
