import MotCuaCore

/// Why the store refused to open or act. Messages name the path or the record, in both languages.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let message: Localized
    public init(_ vi: String, _ en: String) { message = Localized(vi: vi, en: en) }
    public var description: String { message.vi }

    static func notFound(_ what: Localized, _ key: String) -> StoreError {
        StoreError("Không tìm thấy \(what.vi) '\(key)'", "No \(what.en) '\(key)' found")
    }
}
