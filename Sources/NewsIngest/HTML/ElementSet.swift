/// Elements of one page, told apart by identity.
///
/// Their identifiers sorted and searched by halves: the first `Set` or `Dictionary` keyed by
/// `ObjectIdentifier` cost a one-page `search extract` a scan of the runtime's conformance records
/// (~0.5 M instructions) to find that `ObjectIdentifier` is `Hashable`.
struct ElementSet {
    private let identifiers: [ObjectIdentifier]

    init(_ elements: [HTMLElement]) {
        identifiers = elements.map(ObjectIdentifier.init).sorted()
    }

    func contains(_ element: HTMLElement) -> Bool {
        let wanted = ObjectIdentifier(element)
        var low = 0
        var high = identifiers.count
        while low < high {
            let middle = (low + high) / 2
            if identifiers[middle] < wanted { low = middle + 1 } else { high = middle }
        }
        return low < identifiers.count && identifiers[low] == wanted
    }
}

extension HTMLElement {
    /// This element and its descendants down to the first (in document order) that `matches`, or
    /// nothing when none does.
    func path(toFirst matches: (HTMLElement) -> Bool) -> [HTMLElement] {
        var path: [HTMLElement] = []
        func walk(_ element: HTMLElement) -> Bool {
            path.append(element)
            if matches(element) { return true }
            for child in element.elements where walk(child) { return true }
            path.removeLast()
            return false
        }
        return walk(self) ? path : []
    }
}
