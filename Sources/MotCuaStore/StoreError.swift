import MotCuaCore

/// Why the store refused to open or act. Messages name the path or the record, in both languages.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let message: Localized
    /// SQLite itself failed (busy, disk full, damaged file), as opposed to a refused path or record:
    /// a script may retry the first kind.
    public let isDatabaseFailure: Bool
    /// Which failure of the place it was, when it is one (StoreFaults.swift): `check` examines a
    /// damaged file instead of stopping at it, tests tell the cases apart without reading prose.
    public let fault: StoreFault?
    public init(_ vi: String, _ en: String, databaseFailure: Bool = false, fault: StoreFault? = nil) {
        message = Localized(vi: vi, en: en); isDatabaseFailure = databaseFailure || fault != nil; self.fault = fault
    }
    public var description: String { message.vi }

    static func notFound(_ what: Localized, _ key: String) -> StoreError {
        StoreError("Không tìm thấy \(what.vi) '\(key)'", "No \(what.en) '\(key)' found")
    }
}
