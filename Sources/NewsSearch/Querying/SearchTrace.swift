import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where one search's time went, for a server's request log (`search serve --trace`). Filled only for
/// a caller that passes one, so an untraced search reads no clock beyond `took_ms`'s.
public struct SearchTrace: Sendable {
    /// How the answer was had.
    public enum Answer: String, Sendable {
        /// Computed, with no cache to look in.
        case uncached
        /// From the cache.
        case kept
        /// From another request's computation of it for the same state, waited for.
        case waited
        /// Computed for the cache (nothing kept, nobody computing it).
        case computed
        /// The cache's answer of an earlier state (``SearchTrace/answerGeneration``), given while this
        /// state's is computed.
        case previous
    }

    /// How a search had the facet columns of its state.
    public enum Columns: String, Sendable {
        /// Not needed: the answer was not computed.
        case unread
        /// Kept from an earlier search.
        case kept
        /// Mapped from the columns file.
        case mapped
        /// Brought forward from the kept ones through the change log.
        case forward
        /// Built from the tables.
        case built
    }

    /// The index generation the search saw.
    public var generation: Int64 = 0
    /// The generation the answer describes when it is an earlier one's (``Answer/previous``), else nil.
    public var answerGeneration: Int64?
    /// Read transactions begun (more than one when a computation waited for failed).
    public var attempts = 0
    /// Waiting for a reader connection.
    public var readerNanoseconds: UInt64 = 0
    /// Having the state's facet columns: kept, or made by this search, or waiting for the search making them.
    public var columnsNanoseconds: UInt64 = 0
    public var columns = Columns.unread
    public var answer = Answer.uncached
    /// Computing the answer (after its turn), or waiting for the request computing it.
    public var answerNanoseconds: UInt64 = 0
    /// Waiting for a turn to compute (``Searcher`` computes one answer per core at once).
    public var computeWaitNanoseconds: UInt64 = 0
    /// This thread's CPU while computing (the other id ranges of a split pass run on other threads).
    public var computeCPUNanoseconds: UInt64 = 0

    public init() {}

    mutating func note(attemptAt generation: Int64, reader: UInt64) {
        self.generation = generation
        attempts += 1
        readerNanoseconds += reader
    }

    mutating func note(columns: UInt64, _ origin: Columns) {
        columnsNanoseconds += columns
        // A second attempt finds the columns its first made or waited for: the first's origin says more.
        if self.columns == .unread { self.columns = origin }
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The calling thread's CPU time so far.
    public static func threadCPU() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
