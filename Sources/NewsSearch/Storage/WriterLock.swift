import Foundation

/// One writer per index: an advisory lock on `INDEX.lock`, held for a whole index or reindex run.
///
/// SQLite would serialise two writers' transactions, but two indexers interleaving batches would each
/// see the other's files as vanished; a second one is told plainly instead.
final class WriterLock {
    private let descriptor: Int32

    /// Takes the lock, or throws ``IndexError/locked(path:)`` at once when another process holds it.
    init(indexPath: String) throws {
        let lockPath = indexPath + ".lock"
        descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            if errno == EACCES || errno == EROFS { throw IndexError.readOnly(path: indexPath) }
            throw IndexError.database("cannot create \(lockPath): \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            throw IndexError.locked(path: indexPath)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
