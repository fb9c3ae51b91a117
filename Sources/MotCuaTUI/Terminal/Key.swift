/// A key press as the screens see it, independent of the terminal backend.
///
/// Names (for keymaps, help and test scripts) follow design.md: `F1`…`F24`, `Enter`, `Esc`,
/// `Tab`, `BackTab`, `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`, `Ins`, `Del`,
/// `Backspace`, `Space`, `C-a`…`C-z`, `M-x` (Alt/Meta + a printable character) and single
/// printable characters (`q`, `?`, `ễ`). Special names are case-insensitive (`pgup`, `c-A`);
/// single characters are not.
public enum Key: Hashable, Sendable {
    case character(Character)
    case function(Int)
    case enter, escape, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end, insert, delete, backspace
    case ctrl(Character)
    case meta(Character)
    case resize
    case unknown

    /// Highest function key number accepted (shifted F1–F12 arrive as F13–F24 on xterm).
    public static let maxFunctionKey = 24

    private static let specialNames: [(String, Key)] = [
        ("Enter", .enter), ("Esc", .escape), ("Tab", .tab), ("BackTab", .backTab),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
        ("Ins", .insert), ("Del", .delete), ("Backspace", .backspace),
    ]
    /// Accepted spellings beyond the canonical ones.
    private static let aliases: [String: Key] = [
        "return": .enter, "escape": .escape, "pageup": .pageUp, "pagedown": .pageDown,
        "insert": .insert, "delete": .delete, "bs": .backspace, "s-tab": .backTab,
    ]

    /// Parses a key name; nil when it is not one. `Resize` and unknown keys have no name.
    public init?(name: String) {
        guard !name.isEmpty else { return nil }
        if name.count == 1, let ch = name.first {
            guard Key.isPrintable(ch), ch != " " else { return nil }
            self = .character(ch)
            return
        }
        let lower = name.lowercased()
        if lower == "space" { self = .character(" "); return }
        if let (_, k) = Key.specialNames.first(where: { $0.0.lowercased() == lower }) { self = k; return }
        if let k = Key.aliases[lower] { self = k; return }
        if lower.first == "f", let n = Int(lower.dropFirst()), (1...Key.maxFunctionKey).contains(n),
           !lower.dropFirst().hasPrefix("0"), !lower.dropFirst().hasPrefix("+") {
            self = .function(n); return
        }
        if lower.hasPrefix("c-"), name.count == 3, let ch = lower.last, ch.isASCII, ch.isLetter {
            self = .ctrl(ch); return
        }
        if lower.hasPrefix("m-") {
            let rest = name.dropFirst(2)
            if rest.count == 1, let ch = rest.first, Key.isPrintable(ch), ch != " " { self = .meta(ch); return }
            if rest.lowercased() == "space" { self = .meta(" "); return }
        }
        return nil
    }

    /// The canonical name (`F1`, `C-a`, `M-x`, `PgUp`, `q`); `<resize>`/`<unknown>` for keys
    /// that cannot be bound.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "C-\(c)"
        case .meta(" "): return "M-Space"
        case .meta(let c): return "M-\(c)"
        case .resize: return "<resize>"
        case .unknown: return "<unknown>"
        default:
            return Key.specialNames.first(where: { $0.1 == self })?.0 ?? "<unknown>"
        }
    }

    /// A key a keymap can bind (every named key).
    public var isBindable: Bool { Key(name: name) == self }

    /// Parses a space-separated script of key names (`"F2 a b Enter"`), for tests and demos.
    /// Unknown words are reported by throwing.
    public static func script(_ text: String) throws(KeyNameError) -> [Key] {
        try text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { word throws(KeyNameError) in
            guard let k = Key(name: String(word)) else { throw KeyNameError(name: String(word)) }
            return k
        }
    }

    /// Printable: not a control/format/separator character and not a stray combining mark.
    static func isPrintable(_ ch: Character) -> Bool {
        guard let s = ch.unicodeScalars.first else { return false }
        switch s.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned,
             .nonspacingMark, .enclosingMark, .privateUse:
            return false
        default:
            return true
        }
    }
}

extension Key: CustomStringConvertible {
    public var description: String { name }
}

/// A word that is not a key name.
public struct KeyNameError: Error, Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public var description: String { "not a key name: \(name)" }
}
