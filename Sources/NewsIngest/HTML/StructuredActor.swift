import Foundation

/// A person, organisation or place that a page's structured data says the article is about or
/// mentions (JSON-LD `about`, `mentions`), with the type the page declares for it.
///
/// Pages of any language state these in one vocabulary (schema.org), so they name actors where
/// capitalisation rules cannot run (German capitalises every noun). The page's type is a claim, not a
/// fact: actor extraction lets its gazetteer and the user's dictionary overrule it, and takes a
/// `thing` (a topic: "Climate change") only when one of those knows the name.
///
/// ```swift
/// let actors = StructuredActor.decode(report.metadata)   // [{name: "Olaf Scholz", kind: .person, property: "about"}]
/// ```
public struct StructuredActor: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case person, organization, country, place, thing
    }

    public var name: String
    public var kind: Kind
    /// The JSON-LD property that named it: `about` or `mentions`.
    public var property: String

    public init(name: String, kind: Kind, property: String) {
        self.name = name
        self.kind = kind
        self.property = property
    }

    /// The metadata key the list is kept under, so that it is stored with the article and a reindex
    /// reads it again from the index.
    public static let metadataKey = "jsonld_actors"

    /// The list kept in `metadata`, or an empty one.
    public static func decode(_ metadata: [String: String]) -> [StructuredActor] {
        guard let text = metadata[metadataKey] else { return [] }
        return (try? JSONDecoder().decode([StructuredActor].self, from: Data(text.utf8))) ?? []
    }

    static func encode(_ actors: [StructuredActor]) -> String? {
        guard !actors.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(actors)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The most a page may declare: past this, the list is a site's tag cloud, not what one story names.
    static let limit = 40

    /// The actors in a JSON-LD `about` or `mentions` value: a string, a `{@type, name}` object, an
    /// `{@id}` reference to one, or an array of those.
    static func read(_ value: Any?, property: String, byID: [String: [String: Any]]) -> [StructuredActor] {
        switch value {
        case let text as String:
            let name = HTMLEntities.decode(text).collapsingWhitespace()
            return name.isEmpty || name.count > 100 ? [] : [StructuredActor(name: name, kind: .thing, property: property)]
        case let array as [Any]:
            return array.flatMap { read($0, property: property, byID: byID) }
        case var object as [String: Any]:
            if object["name"] == nil, let id = object["@id"] as? String, let target = byID[id] { object = target }
            guard let raw = object["name"] as? String else { return [] }
            let name = HTMLEntities.decode(raw).collapsingWhitespace()
            guard !name.isEmpty, name.count <= 100 else { return [] }
            return [StructuredActor(name: name, kind: kind(of: HTMLMetadata.types(of: object)), property: property)]
        default:
            return []
        }
    }

    /// schema.org types by what they make an actor; any other named thing (an event, a product, a
    /// defined term) is a `thing`.
    static func kind(of types: [String]) -> Kind {
        for type in types {
            if type == "Person" { return .person }
            if type == "Country" { return .country }
            if type.hasSuffix("Organization") || organizationTypes.contains(type) { return .organization }
            if placeTypes.contains(type) { return .place }
        }
        return .thing
    }

    static let organizationTypes: Set<String> = [
        "Corporation", "NGO", "SportsTeam", "PoliticalParty", "Airline", "Consortium", "WorkersUnion", "LocalBusiness",
        "MusicGroup", "PerformingGroup", "TheaterGroup", "DanceGroup", "LibrarySystem", "Project", "FundingScheme",
        "OnlineBusiness", "OnlineStore", "CollegeOrUniversity", "School",
    ]
    static let placeTypes: Set<String> = [
        "Place", "City", "State", "AdministrativeArea", "Continent", "Landform", "BodyOfWater", "Mountain", "Volcano",
        "LakeBodyOfWater", "RiverBodyOfWater", "SeaBodyOfWater", "OceanBodyOfWater", "TouristAttraction",
        "TouristDestination", "LandmarksOrHistoricalBuildings", "SchoolDistrict", "Island",
    ]
}
