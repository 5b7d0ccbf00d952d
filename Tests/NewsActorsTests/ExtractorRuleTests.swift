import Testing
@testable import NewsActors
