import MotCuaCore

/// One option of a `ChoiceField`.
public struct ChoiceOption: Hashable, Sendable {
    /// Stable code (`elderly`, `post`), what the form's `value(of:)` returns.
    public let id: String
    public let label: Localized
    public init(id: String, label: Localized) { self.id = id; self.label = label }
    public init(id: String, _ label: String) { self.init(id: id, label: Localized(vi: label, en: label)) }
}

/// A choice among a fixed list, shown as `◀ Người cao tuổi ▶`. Left/Right or Space cycle;
/// typing a letter jumps to the next option whose label starts with it (diacritics ignored:
/// `n` finds `Người cao tuổi`).
public struct ChoiceField {
    public let id: String
    public var label: Localized
    public let options: [ChoiceOption]
    /// Index into `options` (0 when there are none).
    public private(set) var selectedIndex: Int
    public var hint: Localized?
    public var error: String?
    /// Space and letters choose (Space: next, a letter: the next option starting with it). Off
    /// where a stray key would matter: text pasted with a Tab must not put someone ahead of the
    /// queue through the priority group; there only ←/→ choose.
    public var typingSelects = true

    public init(id: String, label: Localized, options: [ChoiceOption], selected: String? = nil, hint: Localized? = nil) {
        self.id = id
        self.label = label
        self.options = options
        self.hint = hint
        self.selectedIndex = selected.flatMap { s in options.firstIndex { $0.id == s } } ?? 0
    }

    public init(id: String, label: String, options: [ChoiceOption], selected: String? = nil, hint: String? = nil) {
        self.init(id: id, label: Localized(vi: label, en: label), options: options, selected: selected,
                  hint: hint.map { Localized(vi: $0, en: $0) })
    }

    public var selectedOption: ChoiceOption? { options.indices.contains(selectedIndex) ? options[selectedIndex] : nil }
    public var selectedID: String? { selectedOption?.id }

    /// Selects the option with `id`; false (and no change) when there is none.
    @discardableResult
    public mutating func select(id: String) -> Bool {
        guard let i = options.firstIndex(where: { $0.id == id }) else { return false }
        selectedIndex = i
        return true
    }

    /// Left: previous; Right/Space: next (both wrap); a letter or digit: the next option starting
    /// with it. Other printable characters are swallowed.
    @discardableResult
    public mutating func handle(_ key: Key, language: Language = .vi) -> FieldKeyResult {
        guard !options.isEmpty else {
            if case .character = key { return .handled }
            return .ignored
        }
        let old = selectedIndex
        switch key {
        case .left:
            selectedIndex = (selectedIndex + options.count - 1) % options.count
        case .character(" ") where !typingSelects:
            return .handled
        case .right, .character(" "):
            selectedIndex = (selectedIndex + 1) % options.count
        case .character(let ch):
            guard typingSelects else { return .handled }
            let wanted = VietnameseText.fold(String(ch))
            guard let w = wanted.first, w.isLetter || w.isNumber else { return .handled }
            // Start after the current option, so pressing the same letter again visits the next one.
            for step in 1...options.count {
                let i = (selectedIndex + step) % options.count
                if VietnameseText.fold(options[i].label.text(language)).first == w {
                    selectedIndex = i
                    break
                }
            }
        default:
            return .ignored
        }
        return selectedIndex == old ? .handled : .changed
    }

    /// Draws `label  ◀ option ▶` (the option padded to the widest one, so the arrows stay put),
    /// then the error.
    @discardableResult
    public func render(into g: inout CellGrid, row: Int, col: Int, width: Int, labelWidth: Int = 16,
                       focused: Bool, language: Language = .vi) -> CursorPosition? {
        let widest = options.map { CellWidth.of($0.label.text(language)) }.max() ?? 0
        let layout = FieldRowLayout(col: col, width: width, labelWidth: labelWidth, preferred: widest + 4, trailing: error)
        layout.drawLabel(label.text(language), into: &g, row: row, focused: focused)
        let style = focused ? WidgetStyle.focusedValue : WidgetStyle.value
        g.fill(row: row, fromCol: layout.valueCol, toCol: layout.valueCol + layout.valueWidth, style: style)
        let inner = max(0, layout.valueWidth - 4)
        let name = selectedOption?.label.text(language) ?? ""
        let shown = "◀ " + CellWidth.fit(name, toCells: inner) + " ▶"
        g.put(row: row, col: layout.valueCol, text: CellWidth.truncate(shown, toCells: layout.valueWidth), style: style)
        if let error { layout.drawTrailing(error, into: &g, row: row, style: WidgetStyle.error) }
        return focused ? CursorPosition(row: row, col: layout.valueCol + min(2, max(0, layout.valueWidth - 1))) : nil
    }
}
