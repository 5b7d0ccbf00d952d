import CZlib
import Foundation

/// gzip members made here, as `gzip` writes them, for the readers' tests.
enum GzipFixture {
    /// `raw`: bare deflate data, as a ZIP archive stores a member.
    static func compress(_ data: Data, raw: Bool = false) -> Data {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        // 15 + 16: gzip framing; -15: none.
        precondition(deflateInit2_(stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, raw ? -15 : 15 + 16, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        var output = Data(count: Int(deflateBound(stream, uLong(data.count))) + 64)
        var input = data
        let written = input.withUnsafeMutableBytes { source in
            output.withUnsafeMutableBytes { target in
                stream.pointee.next_in = source.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = target.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(target.count)
                precondition(deflate(stream, Z_FINISH) == Z_STREAM_END)
                return target.count - Int(stream.pointee.avail_out)
            }
        }
        return output.prefix(written)
    }

    static func compress(_ text: String) -> Data { compress(Data(text.utf8)) }
}
