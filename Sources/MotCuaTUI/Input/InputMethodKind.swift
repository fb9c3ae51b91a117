import MotCuaCore

/// The built-in Vietnamese input method (shared/design.md, "Vietnamese text"): an old PC's
/// console has no IME, so the desk composes Telex or VNI itself. `off` leaves keys alone (code
/// and number fields, or a terminal whose own IME already sends composed Vietnamese).
public enum InputMethodKind: String, Sendable, CaseIterable {
    case telex, vni, off

    /// The `input.cycle` action: Telex → VNI → off → Telex.
    public var next: InputMethodKind {
        switch self {
        case .telex: return .vni
        case .vni: return .off
        case .off: return .telex
        }
    }

    /// Status-bar label in Vietnamese (the desk's default language).
    public var label: String { label(.vi) }

    /// Status-bar label: `Telex`, `VNI`, `Tắt` / `Off`.
    public func label(_ lang: Language) -> String {
        switch self {
        case .telex: return "Telex"
        case .vni: return "VNI"
        case .off: return lang == .vi ? "Tắt" : "Off"
        }
    }
}

/// Where the tone mark goes in an open `oa`, `oe`, `uy` syllable (no final consonant).
///
/// Naming follows the issue, not Unikey. The issue calls `hòa`, `thúy`, `khỏe` the "new" style
/// and `hoà`, `thuý`, `khoẻ` the "old" one. Unikey (and most Vietnamese writing on the subject)
/// uses the opposite names: its "kiểu cũ" (traditional) is `hòa`, its "kiểu mới" (the 1980s
/// school rules) is `hoà`. So a user who says "kiểu mới" in Unikey's sense means `.old` here.
/// Settings screens should show the example words (`label(_:)` does) rather than the names.
///
/// With a final consonant (`hoàng`, `toán`, `thuyết`), or a vowel carrying a mark (`thuế`),
/// both styles put the tone in the same place.
public enum ToneStyle: String, Sendable, CaseIterable {
    /// `hòa`, `thúy`, `khỏe`: tone on the first vowel of an open `oa` / `oe` / `uy`.
    case new
    /// `hoà`, `thuý`, `khoẻ`: tone on the second vowel of an open `oa` / `oe` / `uy`.
    case old

    /// Settings label, shown with example words so the naming cannot mislead.
    public func label(_ lang: Language) -> String {
        switch self {
        case .new: return lang == .vi ? "Đặt dấu kiểu hòa, thúy" : "Tone marks as in hòa, thúy"
        case .old: return lang == .vi ? "Đặt dấu kiểu hoà, thuý" : "Tone marks as in hoà, thuý"
        }
    }
}
