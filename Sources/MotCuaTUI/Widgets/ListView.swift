import MotCuaCore

/// Scrolling state of a list: how many rows, which one is selected, the first row shown and how
/// many rows fit. Every move keeps the selection on screen. It holds no items, so any list (the
/// queue, the dossier register, a picker's dropdown) can use it.
public struct ListView: Hashable, Sendable {
    /// Number of rows in the list.
    public private(set) var count: Int
    /// The selected row, nil when the list is empty.
    public private(set) var selected: Int?
    /// First row shown.
    public private(set) var offset: Int
    /// Rows that fit on screen (at least 1).
    public private(set) var height: Int

    public init(count: Int = 0, selected: Int = 0, height: Int = 10) {
        self.count = max(0, count)
        self.height = max(1, height)
        self.selected = nil
        self.offset = 0
        if self.count > 0 { select(selected) }
    }

    public var isEmpty: Bool { count == 0 }

    /// The rows shown: `offset..<min(offset + height, count)`.
    public var visibleRange: Range<Int> { offset..<min(count, offset + height) }

    /// Rows above and below the visible part (for `↑`/`↓` markers).
    public var hasMoreAbove: Bool { offset > 0 }
    public var hasMoreBelow: Bool { offset + height < count }

    /// The list changed length (a reload): the selection stays on the same index, clamped.
    public mutating func setCount(_ n: Int) {
        count = max(0, n)
        if count == 0 { selected = nil; offset = 0; return }
        select(selected ?? 0)
    }

    /// The screen's room changed.
    public mutating func setHeight(_ h: Int) {
        height = max(1, h)
        keepVisible()
    }

    /// Selects row `i` (clamped) and scrolls just enough to show it.
    public mutating func select(_ i: Int) {
        guard count > 0 else { selected = nil; offset = 0; return }
        selected = min(max(0, i), count - 1)
        keepVisible()
    }

    public mutating func moveUp(_ n: Int = 1) { select((selected ?? 0) - max(0, n)) }
    public mutating func moveDown(_ n: Int = 1) { select((selected ?? -1) + max(0, n)) }
    /// One page up: the selection moves by a page, the list scrolls with it.
    public mutating func pageUp() {
        guard let s = selected else { return }
        offset = max(0, offset - height)
        select(s - height)
    }
    public mutating func pageDown() {
        guard let s = selected else { return }
        offset = max(0, min(offset + height, count - height))
        select(s + height)
    }
    public mutating func home() { select(0) }
    public mutating func end() { select(count - 1) }

    /// Up/Down/PgUp/PgDn/Home/End; true when the key was one of them.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up: moveUp()
        case .down: moveDown()
        case .pageUp: pageUp()
        case .pageDown: pageDown()
        case .home: home()
        case .end: end()
        default: return false
        }
        return true
    }

    /// The movement actions (`cursor.up`, `page.down`, `cursor.first` …); true when handled.
    @discardableResult
    public mutating func perform(_ action: Action) -> Bool {
        switch action {
        case .cursorUp: moveUp()
        case .cursorDown: moveDown()
        case .pageUp: pageUp()
        case .pageDown: pageDown()
        case .cursorFirst: home()
        case .cursorLast: end()
        default: return false
        }
        return true
    }

    /// Scrolls as little as possible to show the selection; never leaves blank rows at the
    /// bottom when the list could fill them.
    private mutating func keepVisible() {
        let maxOffset = max(0, count - height)
        offset = min(max(0, offset), maxOffset)
        guard let s = selected else { offset = 0; return }
        if s < offset { offset = s }
        if s >= offset + height { offset = s - height + 1 }
    }

    /// Draws the visible rows from `top`, `height` rows at most: the selected row in the
    /// highlight style when `focused` (bold otherwise), `↑`/`↓` in the last column when rows are
    /// hidden above or below. `line(i)` gives row i's text and style.
    public func render(into g: inout CellGrid, top: Int, left: Int, width: Int, focused: Bool = true,
                       line: (Int) -> (text: String, style: CellStyle)) {
        guard width > 0 else { return }
        for (k, i) in visibleRange.enumerated() {
            let row = top + k
            let item = line(i)
            let isSel = i == selected
            let style = isSel ? (focused ? WidgetStyle.highlight : CellStyle(.bold)) : item.style
            g.fill(row: row, fromCol: left, toCol: left + width, style: style)
            g.put(row: row, col: left, text: CellWidth.truncate(item.text, toCells: width - 1), style: style)
            if k == 0, hasMoreAbove { g.put(row: row, col: left + width - 1, text: "↑", style: style) }
            if k == visibleRange.count - 1, hasMoreBelow { g.put(row: row, col: left + width - 1, text: "↓", style: style) }
        }
    }
}
