import Foundation

/// Read-only bytes that columns point into: a file mapped with `mmap`, or a buffer this process built.
///
/// Mapping is what makes opening an index cost the same at any size: the kernel reads a page only
/// when a query touches it, and a page read by one process stays in the page cache for the next.
final class ColumnBytes: @unchecked Sendable {
    // Sendable: the bytes never change after init, and they live until deinit.
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    /// `count` bytes in memory that `fill` writes (a columns file this process builds).
    init(count: Int, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        fill(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]))
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<count])
        mapped = false
    }

    /// A copy of `data` in memory.
    convenience init(copying data: [UInt8]) {
        self.init(count: data.count) { buffer in data.withUnsafeBytes { buffer.copyMemory(from: $0) } }
    }

    private init(mapping base: UnsafeRawPointer, count: Int) {
        bytes = UnsafeRawBufferPointer(start: base, count: count)
        mapped = true
    }

    /// The file at `path` mapped read-only, or nil when it is missing, empty or cannot be mapped.
    /// Replacing the file later (rename) does not disturb this mapping: it keeps the old inode.
    static func mapping(path: String) -> ColumnBytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let count = Int(status.st_size)
        guard let base = mmap(nil, count, PROT_READ, MAP_SHARED, descriptor, 0), base != MAP_FAILED else { return nil }
        return ColumnBytes(mapping: UnsafeRawPointer(base), count: count)
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
        }
    }

    /// Writes `data` to `path` so that a reader sees either the old file or the whole new one: a
    /// temporary file beside it, flushed to disk, then renamed over it.
    static func write(_ data: some ContiguousBytes, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw IndexError.columnsNotSaved(path: path, reason: String(cString: strerror(errno))) }
        var written = 0
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw IndexError.columnsNotSaved(path: path, reason: String(cString: strerror(failure)))
        }
    }
}
