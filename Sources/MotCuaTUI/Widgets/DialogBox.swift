import MotCuaCore

/// Drawing helpers shared by the dialogs and the list screens.
enum ScreenDraw {
    /// A key typed into a search box. Telex applies, so `Nguyeenx` finds Nguyễn as the header's
    /// `[Telex]` promises (search ignores the marks anyway); VNI does not, because its digits
    /// would turn ticket and dossier codes (`A1`) into letters.
    static func searchCompose(_ host: ScreenHost) -> TextField.Compose {
        let composer = host.composer
        guard composer.kind == .telex else { return { ch, before in before + String(ch) } }
        return { ch, before in composer.type(ch, after: before) }
    }

    /// A framed box centred in rows `top..<bottom`, drawn over what is there. Returns the first
    /// inner row and the inner column range.
    @discardableResult
    static func box(into g: inout CellGrid, top: Int, bottom: Int, height: Int, width: Int, title: String,
                    footer: String, symbols s: Symbols) -> (row: Int, left: Int, width: Int) {
        let w = max(10, min(width, g.cols - 2))
        let h = max(3, min(height, bottom - top))
        let left = max(0, (g.cols - w) / 2)
        let first = top + max(0, (bottom - top - h) / 2)
        let frame = CellStyle(.bold)
        for r in first..<(first + h) { g.fill(row: r, fromCol: left, toCol: left + w, style: .plain) }
        let inner = w - 2
        let line = String(repeating: s.horizontal, count: inner)
        g.put(row: first, col: left, text: s.topLeft + line + s.topRight, style: frame)
        for r in (first + 1)..<(first + h - 1) {
            g.put(row: r, col: left, text: s.vertical, style: frame)
            g.put(row: r, col: left + w - 1, text: s.vertical, style: frame)
        }
        g.put(row: first + h - 1, col: left, text: s.bottomLeft + line + s.bottomRight, style: frame)
        if !title.isEmpty {
            g.put(row: first, col: left + 2, text: CellWidth.truncate(" \(title) ", toCells: inner - 2), style: frame)
        }
        if !footer.isEmpty {
            g.put(row: first + h - 1, col: left + 2, text: CellWidth.truncate(" \(footer) ", toCells: inner - 2),
                  style: CellStyle(.dim, role: .muted))
        }
        return (first + 1, left + 2, inner - 2)
    }

    /// `25/11/26`.
    static func shortDate(_ d: LocalDate) -> String {
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(p2(d.day))/\(p2(d.month))/\(p2(d.year % 100))"
    }
}
