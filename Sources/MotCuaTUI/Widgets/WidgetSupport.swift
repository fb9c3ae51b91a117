import MotCuaCore

/// What a widget did with a key: nothing (the screen may give the key to the keymap), used it
/// without changing the value (cursor moved, a refused character swallowed), or changed the value.
public enum FieldKeyResult: Hashable, Sendable {
    case ignored
    case handled
    case changed

    /// The key was used (handled or changed).
    public var wasUsed: Bool { self != .ignored }
}

/// Where a widget wants the terminal cursor (the cell after the last typed character, or the
/// character under it).
public struct CursorPosition: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public init(row: Int, col: Int) { self.row = row; self.col = col }
}

/// Styles shared by the widgets, so every form looks the same.
public enum WidgetStyle {
    /// The label of the focused field.
    public static let focusedLabel = CellStyle(.bold)
    public static let label = CellStyle.plain
    /// The value area of a field that has the focus: reverse video, so it shows on a monochrome
    /// console too.
    public static let focusedValue = CellStyle(.reverse)
    /// The value area of other fields: underlined, like a blank on a paper form.
    public static let value = CellStyle(.underline)
    public static let placeholder = CellStyle(.dim, role: .muted)
    public static let focusedPlaceholder = CellStyle([.reverse, .dim])
    public static let error = CellStyle(.bold, role: .warning)
    public static let muted = CellStyle(.dim, role: .muted)
    public static let title = CellStyle(.bold)
    public static let highlight = CellStyle(.reverse, role: .selected)
}

/// Cell layout of one field row: `label | value area | trailing text (error or note)`.
struct FieldRowLayout {
    var labelCol: Int
    var labelWidth: Int
    var valueCol: Int
    var valueWidth: Int
    var trailingCol: Int
    var trailingWidth: Int

    /// The value area never gets narrower than this (or the room there is) to make space for an
    /// error: the clerk must still see what was typed.
    static let minValueWidth = 20

    /// - Parameters:
    ///   - preferred: the value area's wanted width in cells (nil: all the room there is).
    ///   - trailing: text to show after the value area; the value area shrinks (down to
    ///     `minValueWidth`) so that it fits.
    init(col: Int, width: Int, labelWidth: Int, preferred: Int?, trailing: String?) {
        let width = max(0, width)
        let lw = max(0, min(labelWidth, width))
        labelCol = col
        self.labelWidth = lw
        valueCol = col + lw
        let avail = max(0, width - lw)
        var vw = min(max(1, preferred ?? avail), avail)
        if let t = trailing, !t.isEmpty {
            let need = CellWidth.of(t) + 1
            if vw + need > avail {
                vw = max(min(vw, min(avail, Self.minValueWidth)), avail - need)
            }
        }
        valueWidth = vw
        trailingCol = valueCol + vw + 1
        trailingWidth = max(0, col + width - trailingCol)
    }

    /// Draws the label, fitted to the label column (one cell kept free before the value).
    func drawLabel(_ text: String, into g: inout CellGrid, row: Int, focused: Bool) {
        guard labelWidth > 1 else { return }
        g.put(row: row, col: labelCol, text: CellWidth.truncate(text, toCells: labelWidth - 1),
              style: focused ? WidgetStyle.focusedLabel : WidgetStyle.label)
    }

    /// Draws the trailing text (cut with `…` to the room there is).
    func drawTrailing(_ text: String, into g: inout CellGrid, row: Int, style: CellStyle) {
        guard trailingWidth > 0, !text.isEmpty else { return }
        g.put(row: row, col: trailingCol, text: CellWidth.truncate(text, toCells: trailingWidth), style: style)
    }
}

/// The part of a one-line text that is shown in a value area `width` cells wide, scrolled
/// horizontally so the cursor is visible.
///
/// Stateless page scrolling (readline's horizontal mode): the window starts at a multiple of half
/// the width, the smallest that shows the cursor, so moving the cursor inside the window never
/// scrolls and the same state always renders the same way.
struct ScrollWindow: Hashable {
    /// First grapheme drawn.
    var first: Int
    /// Blank cells before it (when a wide grapheme straddles the window's left edge).
    var lead: Int
    /// Cell of the cursor inside the window (0..<width when width > 0).
    var cursorCell: Int
    /// Graphemes drawn: `first..<end`.
    var end: Int

    init(text: [Character], cursor: Int, width: Int) {
        let cursor = min(max(0, cursor), text.count)
        var offsets = [0]
        offsets.reserveCapacity(text.count + 1)
        for ch in text { offsets.append((offsets.last ?? 0) + CellWidth.of(ch)) }
        guard width > 0 else {
            first = cursor; lead = 0; cursorCell = 0; end = cursor
            return
        }
        let curCell = offsets[cursor]
        let curW = cursor < text.count ? max(1, CellWidth.of(text[cursor])) : 1
        let step = max(1, width / 2)
        let over = curCell + curW - width
        let k = over > 0 ? (over + step - 1) / step : 0
        let start = k * step
        var f = 0
        while f < text.count && offsets[f] < start { f += 1 }
        first = f
        lead = offsets[f] - start
        cursorCell = min(max(0, curCell - start), width - 1)
        var e = f
        while e < text.count && offsets[e + 1] - start <= width { e += 1 }
        end = e
    }
}

enum WidgetText {
    /// Greedy word wrap by cells; a word longer than the width is cut with `…`.
    static func wrap(_ text: String, toCells width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = String(word)
            let candidate = line.isEmpty ? w : line + " " + w
            if CellWidth.of(candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = CellWidth.truncate(w, toCells: width)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` without the scalars that must never be stored (controls, format characters …).
    static func strippingForbidden(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: VietnameseText.isForbidden) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !VietnameseText.isForbidden(s) { out.append(s) }
        return String(out)
    }
}
