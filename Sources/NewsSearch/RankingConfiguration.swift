/// How FTS5 orders matches: the expression stored as the table's `rank`.
///
/// Title matches weigh more than body matches: a headline names what the article is about.
public struct RankingConfiguration: Sendable, Hashable {
    public var titleWeight: Double
    public var bodyWeight: Double

    public static let `default` = RankingConfiguration(titleWeight: 4.0, bodyWeight: 1.0)

    var rankExpression: String { "bm25(\(titleWeight), \(bodyWeight))" }
}
