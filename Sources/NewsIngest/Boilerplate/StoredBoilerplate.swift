import Synchronization

/// An index's stored ``BoilerplateModel`` (its JSON), read one source at a time: cleaning a page needs
/// only its own source's lines. `search extract` reads one page; reading every source's statistics
/// first was most of opening a large index for it (a 200,000-article index stores 5 MB of them).
///
/// ```swift
/// let stored = StoredBoilerplate(json: Array(text.utf8))
/// let model = stored.model(for: "The Japan Times")   // that source's statistics, and the thresholds
/// ```
public final class StoredBoilerplate: Sendable {
    private let json: [UInt8]
    /// Models already read, by source: a JSON Lines file asks once per record.
    private let models = Mutex<[String: BoilerplateModel]>([:])

    public init(json: [UInt8]) {
        self.json = json
    }

    /// The stored model holding `source`'s statistics alone. A stored form that is not a model gives
    /// the empty model, as reading it whole does (the whole document is checked either way).
    public func model(for source: String) -> BoilerplateModel {
        if let known = models.withLock({ $0[source] }) { return known }
        let model = BoilerplateModel(storedJSON: json, only: source) ?? BoilerplateModel()
        models.withLock { $0[source] = model }
        return model
    }

    /// Every source's statistics: for a count over all of them.
    public func wholeModel() -> BoilerplateModel {
        BoilerplateModel(storedJSON: json) ?? BoilerplateModel()
    }
}
