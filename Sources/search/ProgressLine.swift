import Foundation
import NewsSearch

/// A one-line progress display on standard error, redrawn in place; silent when not on a terminal.
final class ProgressLine {
    let enabled: Bool
    private var total = 0
    private var totalBytes = 0
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ event: IndexEvent) {
        guard enabled else { return }
        switch event {
        case .scanned(let files, let bytes):
            total = files
            totalBytes = bytes
        case .progress(let done, let articles, let bytes):
            let now = Date()
            guard now.timeIntervalSince(lastDraw) > 0.2 || done == total else { return }
            lastDraw = now
            let seconds = max(now.timeIntervalSince(started), 0.001)
            let rate = Double(articles) / seconds
            let megabytes = Double(bytes) / 1_048_576 / seconds
            let eta = bytes > 0 ? Double(totalBytes - bytes) / (Double(bytes) / seconds) : 0
            let line = String(
                format: "\r%d/%d files · %.0f articles/s · %.1f MB/s · ETA %@ ", done, total, rate, megabytes,
                Self.duration(eta))
            FileHandle.standardError.write(Data(line.utf8))
            drawn = true
        case .skipped, .warning:
            break
        }
    }

    /// Progress counted in articles, for `search reindex`, which reads no files.
    func showArticles(done: Int, total: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.2 || done == total else { return }
        lastDraw = now
        let seconds = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / seconds
        let eta = done > 0 ? Double(total - done) / rate : 0
        let line = String(format: "\r%d/%d articles · %.0f articles/s · ETA %@ ", done, total, rate, Self.duration(eta))
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
