/// Why a co-occurrence question could not be answered; each message says what to do.
public enum CooccurrenceError: Error, Equatable, CustomStringConvertible {
    /// No actor in the index has the name, an alias of it, or it as a whole word of the name.
    case unknownActor(String, closest: [String])
    case emptyActorName

    public var description: String {
        switch self {
        case .unknownActor(let name, let closest):
            "no actor matches '\(name)'" + (closest.isEmpty ? "" : "; closest: " + closest.joined(separator: ", "))
                + " (see: search actors)"
        case .emptyActorName:
            "--with needs an actor's name"
        }
    }
}
