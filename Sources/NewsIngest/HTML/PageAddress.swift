import Foundation

/// The page's own address, from what it declares about itself.
///
/// A canonical link is often relative (`/de/pages/story`): stored as is, it cannot be opened and names
/// no site, so the source falls back to the folder's name. Resolved against `<base href>` or the page's
/// absolute `og:url` / JSON-LD `url`, it gives both.
enum PageAddress {
    /// - Parameters:
    ///   - canonical: `<link rel="canonical" href>`, absolute or not.
    ///   - base: `<base href>`.
    ///   - declared: the page's other addresses (`og:url`, JSON-LD `url`), best first.
    static func resolve(canonical: String?, base: String?, declared: [String?]) -> String? {
        let absolute = declared.compactMap { $0 }.first(where: isAbsolute)
        guard let canonical else { return absolute ?? declared.compactMap { $0 }.first }
        if isAbsolute(canonical) { return canonical }
        for anchor in [base, absolute] {
            if let anchor, isAbsolute(anchor), let resolved = URL(string: canonical, relativeTo: URL(string: anchor)),
                isAbsolute(resolved.absoluteString)
            {
                return resolved.absoluteString
            }
        }
        return absolute ?? canonical
    }

    static func isAbsolute(_ address: String) -> Bool {
        let lowered = address.prefix(8).lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}
