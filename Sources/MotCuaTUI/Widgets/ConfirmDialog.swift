import MotCuaCore

/// A small centred box asking a yes/no question (`Bỏ biểu mẫu đang nhập?`), answered with
/// `Enter=Có  Esc=Không`. `c`/`y` also mean yes and `k`/`n` no.
public struct ConfirmDialog: Hashable, Sendable {
    public var question: Localized

    public init(question: Localized) { self.question = question }
    public init(_ question: String) { self.init(question: Localized(vi: question, en: question)) }

    /// The dialog most forms need: leave without saving?
    public static let discardChanges = ConfirmDialog(question: Localized(
        vi: "Bỏ những gì đã nhập và đóng biểu mẫu?", en: "Discard what was typed and close the form?"))

    /// The answer line.
    public static func keysLine(_ language: Language) -> String {
        language == .en ? "Enter=Yes  Esc=No" : "Enter=Có  Esc=Không"
    }

    /// True for yes (Enter, `c`, `y`), false for no (Esc, `k`, `n`), nil for any other key
    /// (the dialog stays).
    public func handle(_ key: Key) -> Bool? {
        switch key {
        case .enter: return true
        case .escape: return false
        case .character(let ch):
            switch ch {
            case "c", "C", "y", "Y": return true
            case "k", "K", "n", "N": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// Widest the question's lines get, in cells.
    static let maxTextWidth = 56

    /// Draws the box centred in rows `top..<bottom` (default: the whole grid): a frame, the
    /// question word-wrapped, a blank line and the answer keys.
    public func render(into g: inout CellGrid, top: Int = 0, bottom: Int? = nil, language: Language = .vi) {
        let bottom = min(bottom ?? g.rows, g.rows)
        let keys = Self.keysLine(language)
        let textWidth = max(4, min(Self.maxTextWidth, g.cols - 4))
        var lines = WidgetText.wrap(question.text(language), toCells: textWidth)
        if lines.isEmpty { lines = [""] }
        let inner = min(textWidth, max(CellWidth.of(keys), lines.map { CellWidth.of($0) }.max() ?? 0))
        let boxW = inner + 4
        let boxH = lines.count + 4
        let left = max(0, (g.cols - boxW) / 2)
        let topRow = max(top, top + (bottom - top - boxH) / 2)
        let frame = CellStyle(.bold)
        let body = CellStyle.plain
        func row(_ r: Int, _ text: String, _ style: CellStyle) {
            g.fill(row: r, fromCol: left, toCol: left + boxW, style: body)
            g.put(row: r, col: left, text: "│", style: frame)
            g.put(row: r, col: left + 2, text: CellWidth.truncate(text, toCells: inner), style: style)
            g.put(row: r, col: left + boxW - 1, text: "│", style: frame)
        }
        let horizontal = String(repeating: "─", count: max(0, boxW - 2))
        g.put(row: topRow, col: left, text: "┌" + horizontal + "┐", style: frame)
        for (i, line) in lines.enumerated() { row(topRow + 1 + i, line, CellStyle(.bold)) }
        row(topRow + 1 + lines.count, "", body)
        row(topRow + 2 + lines.count, keys, body)
        g.put(row: topRow + 3 + lines.count, col: left, text: "└" + horizontal + "┘", style: frame)
    }
}
