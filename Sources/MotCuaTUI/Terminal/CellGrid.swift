import MotCuaCore

/// A rows × cols grid of cells that a screen renders into. Text is laid out by terminal cell
/// width (`CellWidth`): a wide grapheme takes its cell plus a continuation cell to its right.
/// Writing never goes outside the grid and never leaves half of a wide grapheme behind.
public struct CellGrid: Hashable, Sendable {
    public let rows: Int
    public let cols: Int
    private var cells: [Cell]

    public init(rows: Int, cols: Int, fill: Cell = .blank) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
        self.cells = Array(repeating: fill, count: self.rows * self.cols)
    }

    public subscript(row: Int, col: Int) -> Cell {
        get {
            guard contains(row: row, col: col) else { return .blank }
            return cells[row * cols + col]
        }
    }

    public func contains(row: Int, col: Int) -> Bool {
        row >= 0 && row < rows && col >= 0 && col < cols
    }

    /// Writes `text` from (`row`, `col`) to the right, clipped at the grid's edge (a wide
    /// grapheme that would straddle the edge is replaced by a space). Zero-width graphemes
    /// (stray combining marks, controls) are dropped. Returns the column after the text.
    @discardableResult
    public mutating func put(row: Int, col: Int, text: String, style: CellStyle = .plain) -> Int {
        var c = col
        guard row >= 0, row < rows else { return c + CellWidth.of(text) }
        for ch in text {
            let w = CellWidth.of(ch)
            if w == 0 { continue }
            if c >= cols { c += w; continue }
            if c < 0 { c += w; continue }
            if w == 2 {
                if c + 1 >= cols {
                    setNarrow(row: row, col: c, Cell(" ", style: style))
                } else {
                    setNarrow(row: row, col: c, Cell(String(ch), style: style))
                    setNarrow(row: row, col: c + 1, .continuation(style))
                }
            } else {
                setNarrow(row: row, col: c, Cell(String(ch), style: style))
            }
            c += w
        }
        return c
    }

    /// Same as `put(row:col:text:style:)` with plain attributes and a role.
    @discardableResult
    public mutating func put(row: Int, col: Int, text: String, attrs: CellAttributes, role: ColorRole = .normal) -> Int {
        put(row: row, col: col, text: text, style: CellStyle(attrs, role: role))
    }

    /// Fills a whole row with blanks of `style` (for title and key bars).
    public mutating func fill(row: Int, style: CellStyle) {
        fill(row: row, fromCol: 0, toCol: cols, style: style)
    }

    /// Fills columns `fromCol..<toCol` of `row` with blanks of `style`.
    public mutating func fill(row: Int, fromCol: Int, toCol: Int, style: CellStyle) {
        guard row >= 0, row < rows else { return }
        let lo = max(0, fromCol), hi = min(cols, toCol)
        guard lo < hi else { return }
        for c in lo..<hi { setNarrow(row: row, col: c, Cell(" ", style: style)) }
    }

    /// Writes one cell, repairing any wide grapheme it cuts in half.
    private mutating func setNarrow(row: Int, col: Int, _ cell: Cell) {
        let i = row * cols + col
        let old = cells[i]
        if old.isContinuation, !cell.isContinuation, col > 0 {
            // Overwriting the right half of a wide grapheme: blank its left half.
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        let newIsWide = !cell.isContinuation && CellWidth.of(cell.text) == 2
        if !old.isContinuation, !newIsWide, col + 1 < cols, cells[i + 1].isContinuation {
            // Overwriting the left half of a wide grapheme with something narrow: blank its right half.
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// The grid as text, one string per row, continuation cells skipped, trailing spaces
    /// trimmed. For tests and screen dumps.
    public func dump() -> [String] {
        (0..<rows).map { rowText($0) }
    }

    /// One row as text, trailing spaces trimmed.
    public func rowText(_ row: Int) -> String {
        guard row >= 0, row < rows else { return "" }
        var s = ""
        for c in 0..<cols {
            let cell = cells[row * cols + c]
            if !cell.isContinuation { s += cell.text }
        }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// One marker per cell column showing its style, for screen-dump tests: the role's initial
    /// (`h`eader, `k`eyBar, `s`elected, `p`riority, `w`arning, `m`uted) when it has one, else
    /// `B` bold, `R` reverse, `U` underline, `D` dim, or a space; trailing spaces trimmed.
    public func styleDump() -> [String] {
        (0..<rows).map { r in
            var s = ""
            for c in 0..<cols {
                let st = cells[r * cols + c].style
                if st.role != .normal, let f = st.role.rawValue.first { s.append(f) }
                else if st.attributes.contains(.bold) { s += "B" }
                else if st.attributes.contains(.reverse) { s += "R" }
                else if st.attributes.contains(.underline) { s += "U" }
                else if st.attributes.contains(.dim) { s += "D" }
                else { s += " " }
            }
            while s.last == " " { s.removeLast() }
            return s
        }
    }
}
