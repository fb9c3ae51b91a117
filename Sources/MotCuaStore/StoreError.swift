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
    /// The option or field the message names (`db` for a refused `--db` path), for `--json`'s
    /// `field`; nil when the failure is not about one.
    public let field: String?
    public init(_ vi: String, _ en: String, databaseFailure: Bool = false, fault: StoreFault? = nil, field: String? = nil) {
        message = Localized(vi: vi, en: en); isDatabaseFailure = databaseFailure || fault != nil; self.fault = fault
        self.field = field
    }
    public var description: String { message.vi }

    static func notFound(_ what: Localized, _ key: String) -> StoreError {
        StoreError("Không tìm thấy \(what.vi) '\(key)'", "No \(what.en) '\(key)' found")
    }
}
