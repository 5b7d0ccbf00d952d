// Scores LanguageIdentifier against the languages pages declare: reads extraction-eval's JSON lines
// ({"file", "title", "body", "language", …}) on standard input and, for every page that declares a
// language and has a body, compares the guess from the body with the declaration (primary subtags:
// "de-DE" counts as "de"). Prints accuracy, how often no guess was made, the confusions, and the time.
//
// usage: extraction-eval < paths.txt | language-eval
// scripts/eval-language runs both on ../shared/data/trafilatura-eval.
import Foundation
import NewsAnalysis

struct Page: Decodable {
    var file: String
    var body: String
    var language: String?
}

var declared = 0, right = 0, unknown = 0, undeclared = 0
var confusions: [String: Int] = [:]
var byLanguage: [String: (pages: Int, right: Int)] = [:]
var nanoseconds: UInt64 = 0
let decoder = JSONDecoder()
while let line = readLine(strippingNewline: true) {
    guard let page = try? decoder.decode(Page.self, from: Data(line.utf8)), !page.body.isEmpty else { continue }
    let start = DispatchTime.now().uptimeNanoseconds
    let guess = LanguageIdentifier.identify(page.body)
    nanoseconds += DispatchTime.now().uptimeNanoseconds - start
    guard let tag = page.language, let code = LanguageIdentifier.primaryCode(of: tag) else {
        undeclared += 1
        continue
    }
    declared += 1
    byLanguage[code, default: (0, 0)].pages += 1
    if guess == code {
        right += 1
        byLanguage[code]!.right += 1
    } else if guess == nil {
        unknown += 1
    } else {
        confusions["declared \(code), guessed \(guess!)", default: 0] += 1
    }
}
func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : String(format: "%.1f%%", 100 * Double(part) / Double(whole)) }
print("pages declaring a language: \(declared) (and \(undeclared) that do not)")
print("guess = declaration: \(right) (\(percent(right, declared))); no guess: \(unknown); other language: \(declared - right - unknown)")
for (code, counts) in byLanguage.sorted(by: { $0.value.pages > $1.value.pages }) {
    print("  \(code): \(counts.right)/\(counts.pages) right")
}
for (pair, count) in confusions.sorted(by: { $0.value > $1.value }) { print("  \(count) × \(pair)") }
print(String(format: "identify: %.3f ms per page on average", Double(nanoseconds) / 1e6 / Double(max(1, declared + undeclared))))
