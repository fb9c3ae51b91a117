import MotCuaCore

/// Where a binding applies. Lookup goes to the screen's context first, then `global`.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case global, queue, appointments, waitlist, dossiers, search, form, board, reports
}

/// A problem in a keymap file, tig style: `file:line: message`. The parser keeps going.
public struct KeymapDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: Localized

    public init(file: String, line: Int, message: Localized) {
        self.file = file; self.line = line; self.message = message
    }
    public func text(_ language: Language) -> String { "\(file):\(line): \(message.text(language))" }
    public var description: String { text(.en) }
}

/// Key bindings by context. Built from keymap files (`keymaps/*.keys`): the built-in default is
/// written in the same syntax and read by the same parser as a user's file.
public struct Keymap: Hashable, Sendable {
    private var table: [KeyContext: [Key: Action]] = [:]

    /// An empty keymap (nothing bound).
    public init() {}

    public mutating func bind(_ key: Key, to action: Action, in context: KeyContext) {
        table[context, default: [:]][key] = action
    }

    public mutating func unbind(_ key: Key, in context: KeyContext) {
        table[context]?[key] = nil
    }

    /// The action for `key` in `context`, else in `global`.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        table[context]?[key] ?? table[.global]?[key]
    }

    /// Keys that trigger `action` in `context` (its own bindings, then global ones it does not
    /// shadow), function keys first.
    public func keys(for action: Action, in context: KeyContext) -> [Key] {
        var keys: [Key] = []
        for (k, a) in table[context] ?? [:] where a == action { keys.append(k) }
        if context != .global {
            for (k, a) in table[.global] ?? [:] where a == action && table[context]?[k] == nil { keys.append(k) }
        }
        return keys.sorted(by: Key.displayOrder)
    }

    /// All bindings of one context (not including global), in display order.
    public func bindings(in context: KeyContext) -> [(key: Key, action: Action)] {
        (table[context] ?? [:]).map { (key: $0.key, action: $0.value) }.sorted { Key.displayOrder($0.key, $1.key) }
    }

    /// The bindings in force, one line each: `context  key  action  help line`, contexts in
    /// order, function keys first (for `motcua keys`). `implemented` limits each context to the
    /// actions that work there, so the listing never shows a key that does nothing.
    /// `helpLine` gives a context's own wording of an action, when it has one.
    public func describe(language: Language = .vi, implemented: ((KeyContext) -> Set<Action>)? = nil,
                         helpLine: (Action, KeyContext) -> Localized? = { _, _ in nil }) -> [String] {
        var lines: [String] = []
        for ctx in KeyContext.allCases {
            let works = implemented?(ctx)
            let b = bindings(in: ctx).filter { works?.contains($0.action) ?? true }
            guard !b.isEmpty else { continue }
            let keyWidth = b.map { CellWidth.of($0.key.name) }.max() ?? 0
            let actionWidth = b.map { $0.action.rawValue.count }.max() ?? 0
            for (k, a) in b {
                lines.append("\(CellWidth.pad(ctx.rawValue, toCells: 13)) \(CellWidth.pad(k.name, toCells: keyWidth))  "
                             + "\(CellWidth.pad(a.rawValue, toCells: actionWidth))  \((helpLine(a, ctx) ?? a.helpLine).text(language))")
            }
        }
        return lines
    }
}

extension Key {
    /// Function keys by number, then named keys, then C-, M-, then characters.
    static func displayOrder(_ a: Key, _ b: Key) -> Bool {
        let ra = a.sortRank, rb = b.sortRank
        return ra.0 != rb.0 ? ra.0 < rb.0 : (ra.1 != rb.1 ? ra.1 < rb.1 : ra.2 < rb.2)
    }

    private var sortRank: (Int, Int, String) {
        switch self {
        case .function(let n): return (0, n, "")
        case .ctrl(let c): return (2, 0, String(c))
        case .meta(let c): return (3, 0, String(c))
        case .character(let c): return (4, 0, String(c))
        case .resize, .unknown: return (5, 0, name)
        default:
            let order: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown,
                                .home, .end, .insert, .delete, .backspace]
            return (1, order.firstIndex(of: self) ?? 99, "")
        }
    }
}
