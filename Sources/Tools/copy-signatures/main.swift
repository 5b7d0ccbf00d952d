// MinHash with LSH banding against SimHash on a corpus with known copies (scripts/gen-copies), outside
// the index: which signature finds the copies, and at what cost per article (issue 19).
//
//     swift build -c release --product copy-signatures
//     .build/release/copy-signatures CORPUS.jsonl TRUTH.json
//
// Articles are taken in file order, as `search index` would: MinHash runs the index's own incremental
// ``CopyClusters``; SimHash joins each article to its nearest earlier one within k bits, compared with
// every earlier article (no banding, so its recall is the best SimHash can do at that k).
import Foundation
import NewsAnalysis

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: copy-signatures CORPUS.jsonl TRUTH.json\n".utf8))
    exit(2)
}
guard let corpus = FileManager.default.contents(atPath: arguments[1]),
    let truthData = FileManager.default.contents(atPath: arguments[2]),
    let truth = try? JSONSerialization.jsonObject(with: truthData) as? [String: Any],
    let trueClusters = truth["clusters"] as? [[String]], let topicPairs = truth["topic_pairs"] as? [[String]]
else {
    FileHandle.standardError.write(Data("copy-signatures: cannot read the corpus or its truth file\n".utf8))
    exit(2)
}

var ids: [String] = []
var bodies: [String] = []
for line in corpus.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
    guard let record = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
    ids.append(record["id"] as? String ?? "")
    bodies.append(record["body"] as? String ?? "")
}
let index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
var truthOf = [Int](repeating: -1, count: ids.count)
for (number, cluster) in trueClusters.enumerated() { for id in cluster { if let i = index[id] { truthOf[i] = number } } }

/// Pair precision and recall of `predicted` (article → cluster, -1 alone), and the topic pairs put together.
@MainActor func score(_ predicted: [Int]) -> (precision: Double, recall: Double, topicMerged: Int, pairs: Int) {
    var groups: [Int: [Int]] = [:]
    for (article, cluster) in predicted.enumerated() where cluster >= 0 { groups[cluster, default: []].append(article) }
    var predictedPairs = 0
    var correct = 0
    for members in groups.values {
        predictedPairs += members.count * (members.count - 1) / 2
        var byTruth: [Int: Int] = [:]
        for m in members where truthOf[m] >= 0 { byTruth[truthOf[m], default: 0] += 1 }
        correct += byTruth.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
    }
    let truePairs = trueClusters.reduce(0) { $0 + $1.count * ($1.count - 1) / 2 }
    let merged = topicPairs.filter { pair in
        guard let a = index[pair[0]], let b = index[pair[1]] else { return false }
        return predicted[a] >= 0 && predicted[a] == predicted[b]
    }.count
    return (predictedPairs == 0 ? 1 : Double(correct) / Double(predictedPairs), Double(correct) / Double(max(truePairs, 1)),
        merged, predictedPairs)
}

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now()
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

@MainActor func line(_ label: String, _ s: (precision: Double, recall: Double, topicMerged: Int, pairs: Int)) {
    print(label + String(format: "  pair precision %.4f  recall %.4f  (%d pairs; %d of %d topic pairs together)",
        s.precision, s.recall, s.pairs, s.topicMerged, topicPairs.count))
}

print("copy-signatures: \(ids.count) articles, \(trueClusters.count) stories with copies, \(topicPairs.count) topic pairs")
var shingles: [[UInt64]] = []
let shingleTime = seconds { shingles = bodies.map { ShingleHashes.of($0) } }
var minhashes: [MinHashSignature?] = []
let minhashTime = seconds { minhashes = shingles.map { MinHashSignature(shingles: $0) } }
var simhashes: [SimHash] = []
let simhashTime = seconds { simhashes = shingles.map { SimHash(shingles: $0) } }
print(String(format: "shingles %.2f µs/article; MinHash %.2f µs/article; SimHash %.2f µs/article",
    shingleTime * 1e6 / Double(ids.count), minhashTime * 1e6 / Double(ids.count), simhashTime * 1e6 / Double(ids.count)))

// How similar copies and topic pairs are: exact Jaccard of the shingle sets, in tenths.
@MainActor func jaccard(_ a: Int, _ b: Int) -> Double {
    let x = Set(shingles[a]), y = Set(shingles[b])
    return Double(x.intersection(y).count) / Double(max(x.union(y).count, 1))
}
var copyHistogram = [Int](repeating: 0, count: 11)
for cluster in trueClusters {
    guard let first = index[cluster[0]] else { continue }
    for id in cluster.dropFirst() { if let other = index[id] { copyHistogram[Int(jaccard(first, other) * 10)] += 1 } }
}
var topicHistogram = [Int](repeating: 0, count: 11)
for pair in topicPairs { if let a = index[pair[0]], let b = index[pair[1]] { topicHistogram[Int(jaccard(a, b) * 10)] += 1 } }
print("Jaccard of story and copy, by tenths:  \(copyHistogram)")
print("Jaccard of topic pairs, by tenths:     \(topicHistogram)")

for bands in [16, 32] {
    for threshold in [0.2, 0.25, 0.3, 0.4, 0.5] {
        var clusters = CopyClusters(bands: bands, threshold: threshold)
        var minhashCluster = [Int](repeating: -1, count: ids.count)
        let clusterTime = seconds {
            for (i, signature) in minhashes.enumerated() { if let signature { clusters.add(Int64(i), signature) } }
            for i in ids.indices { minhashCluster[i] = clusters.cluster(of: Int64(i)).map(Int.init) ?? -1 }
        }
        line(String(format: "MinHash %dx%d LSH, J >= %.2f (%.1f µs/article)", bands, 64 / bands, threshold,
            clusterTime * 1e6 / Double(ids.count)), score(minhashCluster))
    }
}

// Each article's nearest earlier article and its distance, found once for every k.
let eligible = shingles.map { $0.count >= MinHashSignature.minimumShingles }
var nearest = [(article: Int, distance: Int)](repeating: (-1, 65), count: ids.count)
let simhashSearch = seconds {
    for i in ids.indices where eligible[i] {
        for j in 0..<i where eligible[j] {
            let d = simhashes[i].distance(to: simhashes[j])
            if d < nearest[i].distance { nearest[i] = (j, d) }
        }
    }
}
print(String(format: "SimHash all-pairs search: %.1f s", simhashSearch))
for k in [3, 6, 9, 12, 16] {
    var cluster = [Int](repeating: -1, count: ids.count)
    var next = 0
    for i in ids.indices where nearest[i].article >= 0 && nearest[i].distance <= k {
        let best = nearest[i].article
        if cluster[best] < 0 { cluster[best] = next; next += 1 }
        cluster[i] = cluster[best]
    }
    line("SimHash, nearest earlier within \(k) bits", score(cluster))
}
