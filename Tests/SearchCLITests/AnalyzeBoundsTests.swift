import Foundation
import NewsSearchTestSupport
import Testing

/// `search analyze` of a huge input reads and shows a bounded part of it, and says what it left out.
@Suite struct AnalyzeBoundsTests {
    @Test(arguments: [false, true])
    func millionsOfTokensAreCut(_ json: Bool) throws {
        let binary = try SearchBinary()
        let input = String(repeating: "ab ", count: 1_000_000)
        let result = try binary.run(["analyze", "-"] + (json ? ["--json"] : []), input: input)
        #expect(result.status == 0)
        #expect(result.stderr.contains("only its first 1000000 were analysed"), "\(result.stderr)")
        #expect(result.stderr.contains("only the first 100000 positions of 333334 are shown"), "\(result.stderr)")
        if json {
            let tokens = try JSONSerialization.jsonObject(with: result.stdoutData) as? [Any]
            #expect(tokens?.count == 100_000)
        } else {
            #expect(result.stdout.split(separator: "\n").count == 100_000)
        }
    }
}
