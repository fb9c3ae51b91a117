import MotCuaCore

/// A read-only row of a form (a computed due date, the ticket being served): a label and a text,
/// skipped by the focus.
public struct InfoField {
    public let id: String
    public var label: Localized
    public var text: String
    public var style: CellStyle
    public init(id: String, label: Localized, text: String = "", style: CellStyle = .plain) {
        self.id = id; self.label = label; self.text = text; self.style = style
    }
}

/// One row of a `Form`.
public enum FormField {
    case text(TextField)
    case choice(ChoiceField)
    case picker(PickerField)
    case info(InfoField)

    public var id: String {
        switch self {
        case .text(let f): f.id
        case .choice(let f): f.id
        case .picker(let f): f.id
        case .info(let f): f.id
        }
    }

    public var label: Localized {
        switch self {
        case .text(let f): f.label
        case .choice(let f): f.label
        case .picker(let f): f.label
        case .info(let f): f.label
        }
    }

    /// The error shown beside the field (never on an info row).
    public var error: String? {
        get {
            switch self {
            case .text(let f): f.error
            case .choice(let f): f.error
            case .picker(let f): f.error
            case .info: nil
            }
        }
        set {
            switch self {
            case .text(var f): f.error = newValue; self = .text(f)
            case .choice(var f): f.error = newValue; self = .choice(f)
            case .picker(var f): f.error = newValue; self = .picker(f)
            case .info: break
            }
        }
    }

    public var hint: Localized? {
        switch self {
        case .text(let f): f.hint
        case .choice(let f): f.hint
        case .picker(let f): f.hint
        case .info: nil
        }
    }

    /// Info rows cannot take the focus.
    public var isFocusable: Bool {
        if case .info = self { return false }
        return true
    }

    /// The value a screen reads: the text of a text field or info row, the chosen option's or
    /// item's id (nil when no item has been accepted).
    public var value: String? {
        switch self {
        case .text(let f): f.text
        case .choice(let f): f.selectedID
        case .picker(let f): f.selectedID
        case .info(let f): f.text
        }
    }

    /// What is typed: a text field's text or a picker's query (nil for choices).
    public var typedText: String? {
        switch self {
        case .text(let f): f.text
        case .picker(let f): f.query.text
        case .choice, .info: nil
        }
    }

    /// Everything the clerk can change, to tell whether the form is dirty.
    var snapshot: [String?] {
        switch self {
        case .text(let f): [f.text]
        case .choice(let f): [f.selectedID]
        case .picker(let f): [f.query.text, f.selectedID]
        case .info: []
        }
    }
}

/// What a key did to a form.
public enum FormEvent: Hashable, Sendable {
    /// Used, nothing the screen needs to act on (the focus moved, the cursor moved).
    case none
    /// Enter (or `form.submit`): validate and save.
    case submit
    /// Esc (or `form.cancel`): `dirty` when something was changed, so the screen asks first.
    case cancelRequested(dirty: Bool)
    /// A value changed (the screen may recompute a preview, e.g. the due date).
    case changed
    /// Not a key the form uses: give it to the keymap.
    case unhandled
}

/// An ordered list of fields with a focus, drawn one field a row under a title.
///
/// Keys: Tab/Down next field, BackTab/Up previous (both wrap), Enter submits, Esc asks to cancel.
/// While a picker's dropdown shows, Up/Down move its highlight, Enter and Tab accept the item and
/// go to the next field, Esc closes the dropdown. Other keys go to the focused field.
public struct Form {
    public var title: Localized
    public private(set) var fields: [FormField]
    /// Index of the focused field in `fields` (an info row only when no field can take the focus).
    public private(set) var focusIndex: Int
    /// Language of labels and messages, and of the choice letters.
    public var language: Language
    /// Width of the label column in cells; nil = the widest label + 2, between 16 and 24.
    public var labelWidth: Int?
    private var initial: [[String?]]

    public init(title: Localized, fields: [FormField], language: Language = .vi) {
        self.title = title
        self.fields = fields
        self.language = language
        self.focusIndex = fields.firstIndex(where: \.isFocusable) ?? 0
        self.initial = fields.map(\.snapshot)
        gainFocus()
    }

    // MARK: - Fields and values

    public var focusedField: FormField? { fields.indices.contains(focusIndex) ? fields[focusIndex] : nil }

    /// Fields Tab passes over for now (the priority reason while no group needs one): shown,
    /// but not in the way.
    public var skipped: Set<String> = []
    public var focusedID: String? { focusedField?.id }

    /// The field with `id`. Setting replaces it (keep the same id).
    public subscript(id: String) -> FormField? {
        get { fields.first { $0.id == id } }
        set {
            guard let i = fields.firstIndex(where: { $0.id == id }), let newValue else { return }
            fields[i] = newValue
        }
    }

    /// See `FormField.value`: text, or the chosen option's/item's id. Nil for an unknown id.
    public func value(of id: String) -> String? { self[id]?.value }

    /// What is typed in a text field or a picker's query.
    public func text(of id: String) -> String? { self[id]?.typedText }

    /// Sets a text field's text, a picker's query, or an info row's text (not a user edit:
    /// call `markClean` after filling a form from stored data).
    public mutating func setText(_ text: String, of id: String) {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return }
        switch fields[i] {
        case .text(var f): f.setText(text); fields[i] = .text(f)
        case .info(var f): f.text = text; fields[i] = .info(f)
        case .picker(var f): f.setQuery(text, open: i == focusIndex); fields[i] = .picker(f)
        case .choice: break
        }
    }

    /// Selects an option of a choice or an item of a fixed-list picker by id.
    @discardableResult
    public mutating func select(_ optionID: String, in id: String) -> Bool {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return false }
        switch fields[i] {
        case .choice(var f):
            let ok = f.select(id: optionID); fields[i] = .choice(f); return ok
        case .picker(var f):
            let ok = f.select(id: optionID); fields[i] = .picker(f); return ok
        default:
            return false
        }
    }

    /// Sets the input method of every text field and picker (after `input.cycle`).
    public mutating func setCompose(_ compose: @escaping TextField.Compose) {
        for i in fields.indices {
            switch fields[i] {
            case .text(var f): f.compose = compose; fields[i] = .text(f)
            case .picker(var f): f.setCompose(compose); fields[i] = .picker(f)
            default: break
            }
        }
    }

    /// Something differs from how the form was opened (or last marked clean).
    public var isDirty: Bool { fields.map(\.snapshot) != initial }

    /// The current values become the reference for `isDirty`.
    public mutating func markClean() { initial = fields.map(\.snapshot) }

    // MARK: - Errors

    /// Shows `message` beside field `id` (nil clears it). False when there is no such field.
    @discardableResult
    public mutating func setError(field id: String, message: String?) -> Bool {
        guard let i = fields.firstIndex(where: { $0.id == id && $0.isFocusable }) else { return false }
        fields[i].error = message
        return true
    }

    /// Shows a model's `FieldError` beside the field named by `error.field` (its problem only:
    /// the label is already there). False when the form has no such field.
    @discardableResult
    public mutating func setError(_ error: FieldError) -> Bool {
        setError(field: error.field, message: error.problem.text(language))
    }

    public mutating func clearErrors() {
        for i in fields.indices { fields[i].error = nil }
    }

    /// Fields with an error, in form order.
    public var errors: [(id: String, message: String)] {
        fields.compactMap { f in f.error.map { (f.id, $0) } }
    }

    public var hasErrors: Bool { fields.contains { $0.error != nil } }

    /// Moves the focus to the first field with an error; false when there is none.
    @discardableResult
    public mutating func focusFirstError() -> Bool {
        guard let i = fields.firstIndex(where: { $0.error != nil }) else { return false }
        moveFocus(to: i)
        return true
    }

    // MARK: - Focus

    /// Focuses field `id`; false when there is none or it cannot take the focus.
    @discardableResult
    public mutating func focus(id: String) -> Bool {
        guard let i = fields.firstIndex(where: { $0.id == id }), fields[i].isFocusable else { return false }
        moveFocus(to: i)
        return true
    }

    public mutating func focusNext() { step(+1, wrap: true) }
    public mutating func focusPrevious() { step(-1, wrap: true) }

    /// Whether a focusable field follows the focused one.
    public var hasNextField: Bool { fields.indices.contains { $0 > focusIndex && fields[$0].isFocusable && !skipped.contains(fields[$0].id) } }

    private mutating func step(_ delta: Int, wrap: Bool) {
        let n = fields.count
        guard n > 0 else { return }
        var i = focusIndex
        for _ in 0..<n {
            i += delta
            if i < 0 || i >= n {
                guard wrap else { return }
                i = (i + n) % n
            }
            if fields[i].isFocusable && !skipped.contains(fields[i].id) { moveFocus(to: i); return }
        }
    }

    private mutating func moveFocus(to i: Int) {
        guard fields.indices.contains(i), i != focusIndex else { return }
        if case .picker(var p) = focusedField { p.close(); p.deselectText(); fields[focusIndex] = .picker(p) }
        focusIndex = i
        gainFocus()
    }

    /// A picker with nothing chosen opens its dropdown when it gets the focus; one with a
    /// choice (pre-filled from the ticket) has its text selected, so typing replaces it
    /// instead of appending to the procedure's name.
    private mutating func gainFocus() {
        guard fields.indices.contains(focusIndex), case .picker(var p) = fields[focusIndex] else { return }
        if p.selected == nil { p.open() } else { p.selectAll() }
        fields[focusIndex] = .picker(p)
    }

    /// A picker's suggestion list is showing (PgUp/PgDn page through it).
    public var showsDropdown: Bool { openPicker != nil }

    private var openPicker: PickerField? {
        if case .picker(let p) = focusedField, p.isDropdownShown { return p }
        return nil
    }

    // MARK: - Keys

    @discardableResult
    public mutating func handle(_ key: Key) -> FormEvent {
        if var p = openPicker {
            switch key {
            case .up where p.hasTypedQuery, .down where p.hasTypedQuery, .pageUp where p.hasTypedQuery,
                 .pageDown where p.hasTypedQuery:
                p.handle(key)
                fields[focusIndex] = .picker(p)
                return .none
            case .enter where p.hasTypedQuery, .tab where p.hasTypedQuery:
                // Nothing typed: the suggestions were only offered, so the field stays empty and
                // the key does its usual job (Tab moves on, Enter saves). Typed: Enter takes the
                // highlighted item and stays, so the next Tab goes to the next field; Tab takes it
                // and moves on.
                p.acceptHighlighted()
                fields[focusIndex] = .picker(p)
                if key == .tab { focusNext() }
                return .changed
            case .enter, .tab:
                p.close()
                fields[focusIndex] = .picker(p)
            case .escape:
                p.close()
                fields[focusIndex] = .picker(p)
                return .none
            case .backTab:
                p.close()
                fields[focusIndex] = .picker(p)
                focusPrevious()
                return .none
            default:
                break
            }
        }
        switch key {
        case .tab, .down: focusNext(); return .none
        case .backTab, .up: focusPrevious(); return .none
        case .enter: return .submit
        case .escape: return .cancelRequested(dirty: isDirty)
        case .resize: return .unhandled
        default: break
        }
        guard fields.indices.contains(focusIndex) else { return .unhandled }
        let result: FieldKeyResult
        switch fields[focusIndex] {
        case .text(var f): result = f.handle(key); fields[focusIndex] = .text(f)
        case .choice(var f): result = f.handle(key, language: language); fields[focusIndex] = .choice(f)
        case .picker(var f): result = f.handle(key); fields[focusIndex] = .picker(f)
        case .info: result = .ignored
        }
        switch result {
        case .ignored: return .unhandled
        case .handled: return .none
        case .changed:
            fields[focusIndex].error = nil // the clerk is correcting it
            return .changed
        }
    }

    /// The form's actions from the keymap (`form.submit`, `form.cancel`, `field.next`,
    /// `field.prev`, `cursor.up`/`cursor.down`), with the same meaning as their default keys.
    @discardableResult
    public mutating func perform(_ action: Action) -> FormEvent {
        switch action {
        case .formSubmit: handle(.enter)
        case .formCancel: handle(.escape)
        case .fieldNext: handle(.tab)
        case .fieldPrev: handle(.backTab)
        case .cursorUp: handle(.up)
        case .cursorDown: handle(.down)
        case .pageUp: handle(.pageUp)
        case .pageDown: handle(.pageDown)
        default: .unhandled
        }
    }

    // MARK: - Rendering

    /// The label column's width in cells.
    public var effectiveLabelWidth: Int {
        if let labelWidth { return max(1, labelWidth) }
        let widest = fields.map { CellWidth.of($0.label.text(language)) }.max() ?? 0
        return min(24, max(16, widest + 2))
    }

    /// Rows the form takes: title, a blank, one row a field, a blank, the hint line.
    public var height: Int { fields.count + 4 }

    /// Draws the form from row `top`, column `left`, `width` cells wide: the title, the fields one
    /// a row, the focused field's hint, and the open dropdown over the rows below the picker (or
    /// above it when it would pass `bottom`, by default the grid's last row). Returns where the
    /// terminal cursor belongs.
    @discardableResult
    public func render(into g: inout CellGrid, top: Int, left: Int, width: Int, bottom: Int? = nil) -> CursorPosition? {
        let bottom = min(bottom ?? g.rows, g.rows)
        let lw = effectiveLabelWidth
        g.put(row: top, col: left, text: CellWidth.truncate(title.text(language), toCells: width), style: WidgetStyle.title)
        var cursor: CursorPosition?
        for (i, field) in fields.enumerated() {
            let row = top + 2 + i
            guard row < bottom else { break }
            let focused = i == focusIndex
            var c: CursorPosition?
            switch field {
            case .text(let f): c = f.render(into: &g, row: row, col: left, width: width, labelWidth: lw, focused: focused, language: language)
            case .choice(let f): c = f.render(into: &g, row: row, col: left, width: width, labelWidth: lw, focused: focused, language: language)
            case .picker(let f): c = f.render(into: &g, row: row, col: left, width: width, labelWidth: lw, focused: focused, language: language)
            case .info(let f):
                let layout = FieldRowLayout(col: left, width: width, labelWidth: lw, preferred: nil, trailing: nil)
                layout.drawLabel(f.label.text(language), into: &g, row: row, focused: false)
                g.put(row: row, col: layout.valueCol, text: CellWidth.truncate(f.text, toCells: layout.valueWidth), style: f.style)
            }
            if focused { cursor = c }
        }
        let hintRow = top + 2 + fields.count + 1
        if hintRow < bottom, let error = focusedField?.error {
            // The row beside the field may cut a long error; here it is whole.
            g.put(row: hintRow, col: left, text: CellWidth.truncate("\(focusedField?.label.text(language) ?? ""): \(error)", toCells: width),
                  style: WidgetStyle.error)
        } else if hintRow < bottom, let hint = focusedField?.hint?.text(language) {
            g.put(row: hintRow, col: left, text: CellWidth.truncate(hint, toCells: width), style: WidgetStyle.muted)
        }
        if case .picker(let p) = focusedField, p.dropdownHeight > 0 {
            let row = top + 2 + focusIndex
            // One cell of margin left of the value column, so the titles line up with the query.
            let col = max(left, p.valueColumn(col: left, width: width, labelWidth: lw) - 1)
            let h = p.dropdownHeight
            let below = row + 1 + h <= bottom
            let start = below ? row + 1 : max(top, row - h)
            p.renderDropdown(into: &g, top: start, col: col, width: left + width - col, language: language)
        }
        return cursor
    }
}
