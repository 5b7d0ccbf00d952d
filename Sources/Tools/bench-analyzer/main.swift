// Raw analyzer throughput, outside SQLite: reads a UTF-8 text file (or stdin), splits it into
// documents at blank lines (like FTS5 sees one article at a time) and analyzes them repeatedly.
//
//     swift build -c release --product bench-analyzer
//     .build/release/bench-analyzer [FILE] [--seconds 3] [--whole] [--show N]
import Foundation
import NewsAnalysis

var path: String? = nil
var seconds = 3.0
var whole = false
var show = 0
var dump = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--seconds": seconds = Double(arguments.popFirst() ?? "") ?? seconds
    case "--whole": whole = true
    case "--show": show = Int(arguments.popFirst() ?? "") ?? 0
    case "--dump": dump = true
    case "-h", "--help":
        print("usage: bench-analyzer [FILE] [--seconds S] [--whole] [--show N] [--dump]")
        exit(0)
    default: path = argument
    }
}

let data: Data
if let path {
    guard let contents = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write("bench-analyzer: cannot read \(path)\n".data(using: .utf8)!)
        exit(1)
    }
    data = contents
} else {
    data = FileHandle.standardInput.readDataToEndOfFile()
}
let bytes = [UInt8](data)
guard !bytes.isEmpty else {
    FileHandle.standardError.write("bench-analyzer: empty input\n".data(using: .utf8)!)
    exit(1)
}

// Document boundaries: blank lines, unless --whole.
var documents: [Range<Int>] = []
if whole {
    documents = [0..<bytes.count]
} else {
    var start = 0
    var i = 0
    while i + 1 < bytes.count {
        if bytes[i] == 0x0A, bytes[i + 1] == 0x0A {
            if i > start { documents.append(start..<i) }
            start = i + 2
            i += 2
        } else {
            i += 1
        }
    }
    if start < bytes.count { documents.append(start..<bytes.count) }
}

let analyzer = Analyzer()
if show > 0 {
    let sample = String(decoding: bytes[documents[0]], as: UTF8.self)
    for token in analyzer.tokens(in: sample).prefix(show) { print(token) }
}

if dump {
    // Every token of every document, one per line: for comparing analyzer versions.
    for document in documents {
        for token in analyzer.tokens(in: String(decoding: bytes[document], as: UTF8.self)) { print(token) }
    }
    exit(0)
}

var totalBytes = 0
var totalTokens = 0
var passes = 0
var checksum = 0
let clock = ContinuousClock()
let started = clock.now
var elapsed = Duration.zero
/// CPU time of this thread: the machine is shared, so wall time understates one core's throughput.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
let cpuStarted = threadCPUSeconds()
var bestPass = Double.infinity
bytes.withUnsafeBufferPointer { buffer in
    repeat {
        let passStarted = threadCPUSeconds()
        for document in documents {
            analyzer.analyze(utf8: UnsafeBufferPointer(rebasing: buffer[document])) { term, start, _, _ in
                totalTokens += 1
                checksum &+= term.count &+ start
            }
        }
        totalBytes += bytes.count
        passes += 1
        bestPass = min(bestPass, threadCPUSeconds() - passStarted)
        elapsed = clock.now - started
    } while elapsed < .seconds(seconds)
}
let cpu = threadCPUSeconds() - cpuStarted
let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(String(
    format: "%d bytes x %d passes, %d documents, %d tokens/pass (checksum %ld)",
    bytes.count, passes, documents.count, totalTokens / passes, checksum))
print(String(
    format: "wall %.2f s: %.1f MB/s, %.2f M tokens/s", secs, Double(totalBytes) / secs / 1e6,
    Double(totalTokens) / secs / 1e6))
print(String(
    format: "cpu  %.2f s: %.1f MB/s, %.2f M tokens/s (one core, this thread's CPU time)", cpu,
    Double(totalBytes) / cpu / 1e6, Double(totalTokens) / cpu / 1e6))
print(String(
    format: "best %.3f s: %.1f MB/s, %.2f M tokens/s (fastest pass, CPU time)", bestPass,
    Double(bytes.count) / bestPass / 1e6, Double(totalTokens / passes) / bestPass / 1e6))
