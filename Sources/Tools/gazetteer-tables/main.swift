import Foundation
import NewsActors

// Writes the built-in gazetteer's table (`Sources/NewsActors/GazetteerTables.swift`) from the name tables.
guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: gazetteer-tables OUTPUT.swift\n".utf8))
    exit(2)
}
do {
    try GazetteerTableWriter.swiftSource().write(toFile: CommandLine.arguments[1], atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("gazetteer-tables: cannot write \(CommandLine.arguments[1]): \(error.localizedDescription)\n".utf8))
    exit(1)
}
