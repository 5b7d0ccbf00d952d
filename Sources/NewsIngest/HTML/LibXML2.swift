internal import CLibXML2
import Foundation

/// libxml2's functions that we call, found when the first page or feed is parsed.
///
/// `search` does not link libxml2: loading it at start-up (with the ICU, zlib and liblzma it needs) cost
/// every process ~2.9 M instructions and ~180 page faults, though a query never parses a page. The
/// header still gives the types; only the functions are looked up here, all of them or none.
struct LibXML2: @unchecked Sendable {
    typealias ReadMemory = @convention(c) (
        UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32
    ) -> xmlDocPtr?

    let htmlReadMemory: ReadMemory
    let xmlReadMemory: ReadMemory
    let freeDoc: @convention(c) (xmlDocPtr?) -> Void
    let docGetRootElement: @convention(c) (xmlDocPtr?) -> xmlNodePtr?
    /// Turns off the calling thread's error messages (libxml2's handlers are per thread).
    let setStructuredErrorFunc: @convention(c) (UnsafeMutableRawPointer?, xmlStructuredErrorFunc?) -> Void
    let nodeListGetString: @convention(c) (xmlDocPtr?, xmlNodePtr?, Int32) -> UnsafeMutablePointer<xmlChar>?
    let bufferCreate: @convention(c) () -> xmlBufferPtr?
    let bufferFree: @convention(c) (xmlBufferPtr?) -> Void
    let bufferEmpty: @convention(c) (xmlBufferPtr?) -> Void
    let bufferContent: @convention(c) (xmlBufferPtr?) -> UnsafePointer<xmlChar>?
    let nodeDump: @convention(c) (xmlBufferPtr?, xmlDocPtr?, xmlNodePtr?, Int32, Int32) -> Int32

    /// The library of the system, initialised once (before threads share it: a static `let` runs once).
    static let system = load(from: fileNames)

    /// The libxml2 that the package's header describes; the second name is the link that
    /// `libxml2-dev` installs, for a system whose library is named otherwise.
    static let fileNames = ["libxml2.so.2", "libxml2.so"]

    static func loaded() throws(IngestError) -> LibXML2 { try system.get() }

    static func load(from names: [String]) -> Result<LibXML2, IngestError> {
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            return .failure(.missingLibrary(names.first ?? "libxml2"))
        }
        func find<Function>(_ name: String, as type: Function.Type) throws -> Function {
            guard let symbol = dlsym(handle, name) else { throw IngestError.missingLibrary(names.first ?? "libxml2") }
            return unsafeBitCast(symbol, to: type)
        }
        do {
            let initParser = try find("xmlInitParser", as: (@convention(c) () -> Void).self)
            let library = try LibXML2(
                htmlReadMemory: find("htmlReadMemory", as: ReadMemory.self),
                xmlReadMemory: find("xmlReadMemory", as: ReadMemory.self),
                freeDoc: find("xmlFreeDoc", as: (@convention(c) (xmlDocPtr?) -> Void).self),
                docGetRootElement: find("xmlDocGetRootElement", as: (@convention(c) (xmlDocPtr?) -> xmlNodePtr?).self),
                setStructuredErrorFunc: find(
                    "xmlSetStructuredErrorFunc",
                    as: (@convention(c) (UnsafeMutableRawPointer?, xmlStructuredErrorFunc?) -> Void).self),
                nodeListGetString: find(
                    "xmlNodeListGetString",
                    as: (@convention(c) (xmlDocPtr?, xmlNodePtr?, Int32) -> UnsafeMutablePointer<xmlChar>?).self),
                bufferCreate: find("xmlBufferCreate", as: (@convention(c) () -> xmlBufferPtr?).self),
                bufferFree: find("xmlBufferFree", as: (@convention(c) (xmlBufferPtr?) -> Void).self),
                bufferEmpty: find("xmlBufferEmpty", as: (@convention(c) (xmlBufferPtr?) -> Void).self),
                bufferContent: find("xmlBufferContent", as: (@convention(c) (xmlBufferPtr?) -> UnsafePointer<xmlChar>?).self),
                nodeDump: find(
                    "xmlNodeDump", as: (@convention(c) (xmlBufferPtr?, xmlDocPtr?, xmlNodePtr?, Int32, Int32) -> Int32).self))
            initParser()
            return .success(library)
        } catch {
            dlclose(handle)
            return .failure(.missingLibrary(names.first ?? "libxml2"))
        }
    }

    /// Silences the calling thread's parser messages: the library never prints; problems surface as skip reasons.
    func silenceErrors() {
        setStructuredErrorFunc(nil, { _, _ in })
    }
}
