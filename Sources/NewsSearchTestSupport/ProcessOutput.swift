import Foundation

/// What a finished child process wrote. Both pipes are read before waiting, so a large output cannot
/// fill a pipe and stall the child.
struct ProcessOutput {
    var status: Int32
    var stdout: Data
    var stderr: Data

    /// Reads `out` and `err` of a started `process` to their ends, then waits for it.
    static func collect(from process: Process, out: Pipe, err: Pipe) -> ProcessOutput {
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessOutput(status: process.terminationStatus, stdout: outData, stderr: errData)
    }
}
