/// Text attributes of a cell. Terminals without colour show roles through these.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let reverse = CellAttributes(rawValue: 1 << 1)
    public static let underline = CellAttributes(rawValue: 1 << 2)
    public static let dim = CellAttributes(rawValue: 1 << 3)
}

/// What a cell means, not which colour it is: the backend picks a foreground/background pair
/// for each role, or falls back to `monochromeAttributes` when there is no colour (or NO_COLOR).
public enum ColorRole: String, Hashable, Sendable, CaseIterable {
    case normal     // terminal default colours
    case header     // title line
    case keyBar     // bottom key bar
    case selected   // the highlighted row
    case priority   // a priority-group ticket
    case warning    // a long wait, an overdue dossier, an error message
    case muted      // secondary information

    /// Attributes added on a terminal without colour so the role stays visible.
    public var monochromeAttributes: CellAttributes {
        switch self {
        case .normal: []
        case .header, .keyBar, .selected: .reverse
        case .priority: .bold
        case .warning: [.bold, .underline]
        case .muted: .dim
        }
    }
}

/// Attributes plus a colour role.
public struct CellStyle: Hashable, Sendable {
    public var attributes: CellAttributes
    public var role: ColorRole
    public init(_ attributes: CellAttributes = [], role: ColorRole = .normal) {
        self.attributes = attributes; self.role = role
    }
    public static let plain = CellStyle()
    public static func role(_ role: ColorRole, _ attributes: CellAttributes = []) -> CellStyle {
        CellStyle(attributes, role: role)
    }
    public var isBold: Bool { attributes.contains(.bold) }
    public var isReverse: Bool { attributes.contains(.reverse) }

    /// The attributes a terminal should use: the cell's own, plus the role's fallback when
    /// there is no colour.
    public func effectiveAttributes(hasColor: Bool) -> CellAttributes {
        hasColor ? attributes : attributes.union(role.monochromeAttributes)
    }
}

/// One terminal cell: a single grapheme (1 cell wide, or the left half of a 2-cell grapheme)
/// with its style. The right half of a wide grapheme is a *continuation* cell (empty text).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String = " ", style: CellStyle = .plain) {
        self.text = text; self.style = style
    }
    public static let blank = Cell()
    public static func continuation(_ style: CellStyle) -> Cell { Cell("", style: style) }
    public var isContinuation: Bool { text.isEmpty }
}
