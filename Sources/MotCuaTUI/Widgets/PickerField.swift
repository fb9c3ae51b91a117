import MotCuaCore

/// One row a `PickerField` can choose.
public struct PickerItem: Hashable, Sendable {
    /// Stable code (procedure code, applicant id), what the form's `value(of:)` returns.
    public let id: String
    public let title: String
    /// Shown dimmed after the title (code, field, processing time …).
    public let subtitle: String
    /// Folded text the query is matched against (`VietnameseText.fold`); by default the title's.
    public let searchKey: String

    public init(id: String, title: String, subtitle: String = "", searchKey: String? = nil) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.searchKey = searchKey.map(VietnameseText.fold) ?? VietnameseText.fold(title)
    }

    /// A catalog procedure: title = name, subtitle = `HT-KS · Hộ tịch · Trong ngày`.
    public init(procedure p: Procedure, language: Language = .vi) {
        self.init(id: p.code, title: p.name, subtitle: "\(p.code) · \(p.field) · \(p.processingText.text(language))")
    }

    /// How well `query` matches (lower is better), nil when it does not: the title starts with
    /// the query's words (0), contains them as a phrase (1), contains each as a word prefix in any
    /// order (2), or has them as initials (3, `ks` → `Đăng ký khai sinh`). The last query word is
    /// a prefix: the clerk is still typing it.
    public func rank(for query: String) -> Int? {
        let q = VietnameseText.words(VietnameseText.fold(query))
        if q.isEmpty { return 0 }
        let t = VietnameseText.words(searchKey)
        if Self.phrase(q, at: 0, in: t) { return 0 }
        if t.indices.contains(where: { Self.phrase(q, at: $0, in: t) }) { return 1 }
        if VietnameseText.matchesWordPrefix(query: query, in: searchKey) { return 2 }
        if VietnameseText.matchesInitials(query: query, in: searchKey) { return 3 }
        return nil
    }

    private static func phrase(_ q: [Substring], at start: Int, in t: [Substring]) -> Bool {
        guard !q.isEmpty, start + q.count <= t.count else { return false }
        for (k, word) in q.enumerated() {
            let w = t[start + k]
            if k == q.count - 1 ? !w.hasPrefix(word) : w != word { return false }
        }
        return true
    }

    /// The items matching `query`, best first; within a rank shorter titles first (the plain
    /// procedure before its variants), then the given order. An empty query keeps every item
    /// in order.
    public static func filter(_ items: [PickerItem], query: String) -> [PickerItem] {
        if VietnameseText.words(VietnameseText.fold(query)).isEmpty { return items }
        var ranked: [(rank: Int, words: Int, index: Int)] = []
        for (i, item) in items.enumerated() {
            if let r = item.rank(for: query) { ranked.append((r, VietnameseText.words(item.searchKey).count, i)) }
        }
        ranked.sort { ($0.rank, $0.words, $0.index) < ($1.rank, $1.words, $1.index) }
        return ranked.map { items[$0.index] }
    }
}

/// A field that finds an item by typing: a query, and under it (while the field has the focus) a
/// dropdown of the matching items. Up/Down move the highlight, Enter/Tab accept it (the form
/// does this), Esc closes the dropdown. The chosen item's id is the value; editing the query
/// again clears it until another item is accepted.
public struct PickerField {
    /// Where the items come from.
    public enum Source {
        /// A fixed list, filtered here (word prefix, initials).
        case items([PickerItem])
        /// Asked on every change of the query (e.g. the applicant search in the store), best
        /// first. Called synchronously: keep it fast and limited.
        case search((String) throws -> [PickerItem])
    }

    public let id: String
    public var label: Localized
    public let source: Source
    /// Rows of the dropdown at most.
    public var maxRows: Int
    public var hint: Localized?
    public var error: String?
    /// The search itself failed (the store could not be read): said in the dropdown and beside
    /// the field, never shown as "nothing found".
    public private(set) var searchError: (any Error)?
    /// What the clerk types; it shows the chosen item's title once one is accepted.
    public private(set) var query: TextField
    /// The matches for the current query, best first.
    public private(set) var results: [PickerItem]
    /// Highlight and scrolling of the dropdown.
    public private(set) var list: ListView
    /// The accepted item.
    public private(set) var selected: PickerItem?
    /// The dropdown is open (it shows only while the field has the focus).
    public private(set) var isOpen = false
    /// The query's text is selected (a pre-filled choice just got the focus): the first typed
    /// character replaces it, Backspace or Del clears it, a cursor key keeps it.
    public private(set) var isTextSelected = false

    public init(id: String, label: Localized, source: Source, selected: String? = nil, maxRows: Int = 6,
                width: Int? = nil, placeholder: Localized? = nil, hint: Localized? = nil,
                compose: @escaping TextField.Compose = TextField.append) {
        self.id = id
        self.label = label
        self.source = source
        self.maxRows = max(1, maxRows)
        self.hint = hint
        self.query = TextField(id: id, label: label, kind: .text, maxLength: 100, width: width,
                               placeholder: placeholder, compose: compose)
        self.results = []
        self.list = ListView(count: 0, height: self.maxRows)
        self.selected = nil
        refresh()
        if let selected, case .items(let items) = source, let item = items.first(where: { $0.id == selected }) {
            accept(item)
        }
    }

    /// A picker over a fixed list.
    public init(id: String, label: Localized, items: [PickerItem], selected: String? = nil, maxRows: Int = 6,
                width: Int? = nil, placeholder: Localized? = nil, hint: Localized? = nil,
                compose: @escaping TextField.Compose = TextField.append) {
        self.init(id: id, label: label, source: .items(items), selected: selected, maxRows: maxRows, width: width,
                  placeholder: placeholder, hint: hint, compose: compose)
    }

    /// A picker that asks `search` for the items matching the query.
    public init(id: String, label: Localized, maxRows: Int = 6, width: Int? = nil, placeholder: Localized? = nil,
                hint: Localized? = nil, compose: @escaping TextField.Compose = TextField.append,
                search: @escaping (String) throws -> [PickerItem]) {
        self.init(id: id, label: label, source: .search(search), selected: nil, maxRows: maxRows, width: width,
                  placeholder: placeholder, hint: hint, compose: compose)
    }

    /// The procedures of `catalog` (in force on `date` when given), searched with the catalog's
    /// own ranking (code, name, initials, field).
    public static func procedures(id: String = "procedure", label: Localized = Localized(vi: "Thủ tục", en: "Procedure"),
                                  catalog: ProcedureCatalog, on date: LocalDate? = nil, language: Language = .vi,
                                  selected: String? = nil, hint: Localized? = nil,
                                  compose: @escaping TextField.Compose = TextField.append) -> PickerField {
        var p = PickerField(id: id, label: label, source: .search { q in
            catalog.search(q, on: date).map { PickerItem(procedure: $0, language: language) }
        }, hint: hint, compose: compose)
        if let selected, let proc = catalog.procedure(code: selected) {
            p.accept(PickerItem(procedure: proc, language: language))
        }
        return p
    }

    public var selectedID: String? { selected?.id }
    /// The clerk typed something to search for (not just focused the field).
    public var hasTypedQuery: Bool { !query.text.trimmingCharacters(in: .whitespaces).isEmpty }
    /// The highlighted item of the dropdown.
    public var highlighted: PickerItem? { list.selected.flatMap { results.indices.contains($0) ? results[$0] : nil } }
    /// The dropdown is open and has something to choose: Up/Down/Enter belong to it.
    public var isDropdownShown: Bool { isOpen && !results.isEmpty }

    /// The input method for the query.
    public mutating func setCompose(_ compose: @escaping TextField.Compose) { query.compose = compose }

    // MARK: - State changes

    /// Runs the search again for the current query (e.g. the database changed).
    public mutating func refresh() {
        switch source {
        case .items(let items): results = PickerItem.filter(items, query: query.text)
        case .search(let search):
            do {
                results = try search(query.text)
                searchError = nil
            } catch {
                results = []
                searchError = error
            }
        }
        list = ListView(count: results.count, selected: 0, height: maxRows)
    }

    /// Opens the dropdown (the form calls this when the field gets the focus with nothing chosen).
    public mutating func open() {
        if !isOpen { refresh() }
        isOpen = true
    }

    public mutating func close() { isOpen = false }

    /// Selects the query's text (see `isTextSelected`).
    public mutating func selectAll() { isTextSelected = !query.text.isEmpty }
    public mutating func deselectText() { isTextSelected = false }

    /// Accepts the highlighted item: it becomes the selection, its title the query. False when
    /// nothing is highlighted.
    @discardableResult
    public mutating func acceptHighlighted() -> Bool {
        guard let item = highlighted else { return false }
        accept(item)
        return true
    }

    /// Makes `item` the selection (also for a program filling the form).
    public mutating func accept(_ item: PickerItem) {
        selected = item
        query.setText(item.title)
        isOpen = false
        error = nil
    }

    /// Selects the item with `id` from a fixed list; false when there is none.
    @discardableResult
    public mutating func select(id: String) -> Bool {
        guard case .items(let items) = source, let item = items.first(where: { $0.id == id }) else { return false }
        accept(item)
        return true
    }

    /// Sets the query as if typed (no input method, no selection) and searches again; the
    /// dropdown opens when `open` is true.
    public mutating func setQuery(_ text: String, open: Bool = false) {
        selected = nil
        query.setText(text)
        refresh()
        isOpen = open
    }

    /// No selection and an empty query.
    public mutating func clear() {
        selected = nil
        query.setText("")
        refresh()
    }

    /// Typing edits the query (and drops the selection); Up/Down/PgUp/PgDn move the highlight
    /// while the dropdown shows. Enter, Tab and Esc are the form's.
    @discardableResult
    public mutating func handle(_ key: Key) -> FieldKeyResult {
        if isDropdownShown {
            switch key {
            case .up, .down, .pageUp, .pageDown:
                list.handle(key)
                return .handled
            default: break
            }
        }
        if isTextSelected {
            isTextSelected = false
            switch key {
            case .character:
                query.setText("") // the character below replaces the selected text
            case .backspace, .delete, .ctrl("u"):
                query.setText("")
                selected = nil
                refresh()
                isOpen = true
                return .changed
            default:
                break
            }
        }
        let before = query.text
        let r = query.handle(key)
        guard r == .changed, query.text != before else { return r }
        selected = nil
        refresh()
        isOpen = true
        return .changed
    }

    // MARK: - Rendering

    /// Draws the field's row: label, query, then the error, or the chosen item's subtitle.
    @discardableResult
    public func render(into g: inout CellGrid, row: Int, col: Int, width: Int, labelWidth: Int = 16,
                       focused: Bool, language: Language = .vi) -> CursorPosition? {
        let failed = searchError.map { ErrorText.message(for: $0, language: language) }
        let trailing = error ?? failed ?? selected?.subtitle
        let layout = FieldRowLayout(col: col, width: width, labelWidth: labelWidth,
                                    preferred: query.width ?? 44, trailing: trailing)
        layout.drawLabel(label.text(language), into: &g, row: row, focused: focused)
        // A chosen item (or a field not being edited) shows from its start: the beginning of a
        // procedure's name tells which it is.
        let showFromStart = !focused || selected != nil
        let cursorCol = query.drawValue(text: query.text, cursor: showFromStart ? 0 : query.cursor, into: &g, row: row, layout: layout,
                                        focused: focused, placeholder: query.placeholder?.text(language), fromStart: showFromStart)
        if focused, isTextSelected {
            // Selected text shows as a selection, so the clerk sees that typing replaces it.
            g.put(row: row, col: layout.valueCol, text: CellWidth.truncate(query.text, toCells: layout.valueWidth),
                  style: WidgetStyle.highlight)
        }
        if let problem = error ?? failed {
            layout.drawTrailing(problem, into: &g, row: row, style: WidgetStyle.error)
        } else if let sub = selected?.subtitle {
            layout.drawTrailing(sub, into: &g, row: row, style: WidgetStyle.muted)
        }
        return focused ? CursorPosition(row: row, col: cursorCol) : nil
    }

    /// Rows the dropdown takes now (0 when closed).
    public var dropdownHeight: Int {
        guard isOpen else { return 0 }
        if results.isEmpty { return query.text.isEmpty ? 0 : 1 }
        return min(maxRows, results.count)
    }

    /// Draws the open dropdown from `top`, starting at column `col`, `width` cells wide: one
    /// item a row (title, then the subtitle dimmed), the highlighted one in reverse; `(không tìm
    /// thấy)` when nothing matches.
    public func renderDropdown(into g: inout CellGrid, top: Int, col: Int, width: Int, language: Language = .vi) {
        guard isOpen, width > 2 else { return }
        if results.isEmpty {
            guard !query.text.isEmpty else { return }
            g.fill(row: top, fromCol: col, toCol: col + width, style: WidgetStyle.muted)
            let said = searchError.map { ErrorText.message(for: $0, language: language) }
                ?? (language == .en ? "(nothing found)" : "(không tìm thấy)")
            g.put(row: top, col: col + 1, text: CellWidth.truncate(said, toCells: width - 2),
                  style: searchError == nil ? WidgetStyle.muted : WidgetStyle.error)
            return
        }
        var l = list
        l.setHeight(maxRows)
        let inner = width - 2 // one cell margin each side, the right one for ↑/↓
        for (k, i) in l.visibleRange.enumerated() {
            let row = top + k
            let item = results[i]
            let isSel = i == l.selected
            let base = isSel ? WidgetStyle.highlight : CellStyle.plain
            let subStyle = isSel ? WidgetStyle.highlight : WidgetStyle.muted
            g.fill(row: row, fromCol: col, toCol: col + width, style: base)
            let titleW = CellWidth.of(item.title)
            let title = CellWidth.truncate(item.title, toCells: inner)
            var c = g.put(row: row, col: col + 1, text: title, style: isSel ? CellStyle(.reverse, role: .selected) : base)
            let room = col + 1 + inner - (c + 2)
            if titleW <= inner, !item.subtitle.isEmpty, room >= 6 {
                c += 2
                g.put(row: row, col: c, text: CellWidth.truncate(item.subtitle, toCells: room), style: subStyle)
            }
            if k == 0, l.hasMoreAbove { g.put(row: row, col: col + width - 1, text: "↑", style: base) }
            if k == l.visibleRange.count - 1, l.hasMoreBelow { g.put(row: row, col: col + width - 1, text: "↓", style: base) }
        }
    }

    /// The value column of the field (where the dropdown starts), for a row laid out like
    /// `render`.
    func valueColumn(col: Int, width: Int, labelWidth: Int) -> Int {
        FieldRowLayout(col: col, width: width, labelWidth: labelWidth, preferred: nil, trailing: nil).valueCol
    }
}
