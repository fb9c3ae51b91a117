import MotCuaCore

/// A one-line text entry: a label, the text, a cursor counted in graphemes (Swift `Character`s),
/// a placeholder, a hint and an error shown beside it.
///
/// Typing goes through `compose` (the Telex/VNI input method) only in `.text` fields; `.code`,
/// `.digits` and `.phone` fields take characters as they come and refuse what they cannot hold.
/// Control and invisible characters (VietnameseText.isForbidden) never enter the text, whatever
/// the terminal or the input method sends. A value keeps what was typed; the model normalises it
/// (NFC, spaces) when it is stored.
public struct TextField {
    /// What the field holds.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Free text (names, addresses): the input method composes Vietnamese.
        case text
        /// A code (dossier code, tracking number, procedure code): printable ASCII, no spaces.
        case code
        /// A number (citizen ID, count): ASCII digits, spaces and dots.
        case digits
        /// A phone number: ASCII digits, spaces, dots, `+`, `-`, `(`, `)`.
        case phone

        /// Typing goes through the input method.
        public var usesInputMethod: Bool { self == .text }

        /// What the field takes, for the message when something else is typed.
        public var expected: Localized {
            switch self {
            case .text: Localized(vi: "chữ", en: "text")
            case .code: Localized(vi: "chữ không dấu và số, không có dấu cách", en: "letters and digits without spaces")
            case .digits: Localized(vi: "chỉ gõ chữ số", en: "digits only")
            case .phone: Localized(vi: "chỉ gõ chữ số (và + - . ( ) dấu cách)", en: "digits only (and + - . ( ) spaces)")
            }
        }

        /// Whether the field takes `ch` (already known not to be a control character).
        public func accepts(_ ch: Character) -> Bool {
            switch self {
            case .text:
                return true
            case .code:
                return ch.isASCII && ch != " " && (ch.isLetter || ch.isNumber || ch.isPunctuation || ch.isSymbol)
            case .digits:
                return ch == " " || ch == "." || (ch.isASCII && ch.isWholeNumber)
            case .phone:
                return ch == " " || ch == "." || ch == "+" || ch == "-" || ch == "(" || ch == ")"
                    || (ch.isASCII && ch.isWholeNumber)
            }
        }
    }

    /// The input method: given the typed character and the text before the cursor, the new text
    /// before the cursor (`VietnameseComposer.type(_:after:)`).
    public typealias Compose = (Character, String) -> String

    /// No input method: the character is appended.
    public static func append(_ ch: Character, to before: String) -> String { before + String(ch) }

    /// Stable code name (`name`, `id_number`, `phone` …), the same as `FieldError.field`.
    public let id: String
    public var label: Localized
    public let kind: Kind
    /// Longest text in graphemes. Typing past it is refused; an input-method rewrite that does
    /// not make the text longer (`aa` → `â`) still works at the limit.
    public var maxLength: Int
    /// Wanted width of the value area in cells; nil = `maxLength + 1`, limited by the room.
    public var width: Int?
    /// Shown dimmed in the empty value area.
    public var placeholder: Localized?
    /// One line of help shown by the form while the field has the focus.
    public var hint: Localized?
    /// Problem shown after the value, in the warning style; nil = none.
    public var error: String?
    /// The input method used by `.text` fields.
    public var compose: Compose
    /// A person's name: each word's first letter is capitalised as it is typed (`nguyễn` shows
    /// as `Nguyễn` at once), as the model stores it.
    public var capitalizesWords = false

    public private(set) var text: String
    /// The last character typed was refused because the field is full (so the screen can say
    /// so instead of cutting the text without a word).
    public private(set) var refusedAtLimit = false
    /// The last character typed was not one this kind of field takes (a letter in a phone
    /// number): the form says so rather than drop it silently.
    public private(set) var refusedCharacter: Character?
    /// Cursor position in graphemes, 0...text.count.
    public private(set) var cursor: Int

    public init(id: String, label: Localized, text: String = "", kind: Kind = .text,
                maxLength: Int = VietnameseText.defaultMaxLength, width: Int? = nil,
                placeholder: Localized? = nil, hint: Localized? = nil,
                compose: @escaping Compose = TextField.append) {
        self.id = id
        self.label = label
        self.kind = kind
        self.maxLength = max(1, maxLength)
        self.width = width
        self.placeholder = placeholder
        self.hint = hint
        self.compose = compose
        self.text = ""
        self.cursor = 0
        setText(text)
    }

    /// The same with a label in one language only.
    public init(id: String, label: String, text: String = "", kind: Kind = .text,
                maxLength: Int = VietnameseText.defaultMaxLength, width: Int? = nil,
                placeholder: String? = nil, hint: String? = nil,
                compose: @escaping Compose = TextField.append) {
        self.init(id: id, label: Localized(vi: label, en: label), text: text, kind: kind, maxLength: maxLength,
                  width: width, placeholder: placeholder.map { Localized(vi: $0, en: $0) },
                  hint: hint.map { Localized(vi: $0, en: $0) }, compose: compose)
    }

    public var isEmpty: Bool { text.isEmpty }
    /// The text before the cursor (what the input method rewrites).
    public var textBeforeCursor: String { String(text.prefix(cursor)) }
    /// The text after the cursor.
    public var textAfterCursor: String { String(text.dropFirst(cursor)) }

    // MARK: - Editing

    /// Replaces the text (control characters removed, cut to `maxLength`); the cursor goes to
    /// the end. Not subject to `kind` (a program may set what a clerk could not type).
    public mutating func setText(_ newText: String) {
        text = String(WidgetText.strippingForbidden(newText).prefix(maxLength))
        cursor = text.count
    }

    /// Moves the cursor (clamped to 0...text.count).
    public mutating func moveCursor(to position: Int) {
        cursor = min(max(0, position), text.count)
    }

    /// Handles a key: printable characters are typed; Left/Right/Home/End move; Backspace/Del
    /// delete one grapheme; C-u clears. A printable character the field refuses is swallowed
    /// (`.handled`), so it never reaches the keymap while the clerk is typing.
    @discardableResult
    public mutating func handle(_ key: Key) -> FieldKeyResult {
        switch key {
        case .character(let ch): return type(ch)
        case .left:
            cursor = max(0, cursor - 1); return .handled
        case .right:
            cursor = min(text.count, cursor + 1); return .handled
        case .home:
            cursor = 0; return .handled
        case .end:
            cursor = text.count; return .handled
        case .backspace:
            guard cursor > 0 else { return .handled }
            var chars = Array(text)
            chars.remove(at: cursor - 1)
            text = String(chars)
            cursor -= 1
            return .changed
        case .delete:
            guard cursor < text.count else { return .handled }
            var chars = Array(text)
            chars.remove(at: cursor)
            text = String(chars)
            return .changed
        case .ctrl("u"):
            guard !text.isEmpty else { return .handled }
            text = ""; cursor = 0
            return .changed
        default:
            return .ignored
        }
    }

    /// Types one character at the cursor. `.changed` when the text changed, `.handled` when the
    /// character was refused, `.ignored` never (a character is always the field's).
    @discardableResult
    public mutating func type(_ typed: Character) -> FieldKeyResult {
        refusedAtLimit = false
        refusedCharacter = nil
        // Controls (Tab, newline, ESC …) and invisible characters never enter the text.
        guard let first = typed.unicodeScalars.first,
              !typed.unicodeScalars.contains(where: VietnameseText.isForbidden) else { return .handled }
        let ch: Character = typed.isWhitespace ? " " : typed
        let before = textBeforeCursor
        let after = textAfterCursor
        var newBefore: String
        switch first.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            // A combining mark sent on its own (a decomposed sequence arriving scalar by
            // scalar): it joins the letter before the cursor, or is dropped.
            guard kind == .text, let last = before.last, last.isLetter else { return .handled }
            newBefore = before + String(ch)
            guard newBefore.count == before.count else { return .handled }
        default:
            guard kind.accepts(ch) else {
                refusedCharacter = ch
                return .handled
            }
            newBefore = kind.usesInputMethod ? compose(ch, before) : before + String(ch)
        }
        newBefore = WidgetText.strippingForbidden(newBefore)
        if capitalizesWords { newBefore = Self.capitalizingLastWord(newBefore) }
        let newText = newBefore + after
        let newCount = newText.count
        if newCount > maxLength && newCount > text.count {
            refusedAtLimit = true
            return .handled
        }
        guard newText != text else { return .handled }
        text = newText
        cursor = min(newBefore.count, newCount)
        return .changed
    }

    /// The word being typed starts with a capital letter (letters after the first as typed).
    static func capitalizingLastWord(_ s: String) -> String {
        guard let start = s.lastIndex(of: " ").map({ s.index(after: $0) }) ?? (s.isEmpty ? nil : s.startIndex),
              start < s.endIndex, s[start].isLowercase else { return s }
        return String(s[..<start]) + s[start].uppercased() + String(s[s.index(after: start)...])
    }

    /// Types each character of `s` in turn (a paste); composed letters are kept as they are.
    @discardableResult
    public mutating func type(_ s: String) -> FieldKeyResult {
        var result = FieldKeyResult.handled
        for ch in s where type(ch) == .changed { result = .changed }
        return result
    }

    // MARK: - Rendering

    /// Draws the field on one row: the label in the first `labelWidth` cells, the value area
    /// after it (scrolled so the cursor shows), then the error. Returns the cursor's cell when
    /// the field has the focus.
    @discardableResult
    public func render(into g: inout CellGrid, row: Int, col: Int, width: Int, labelWidth: Int = 16,
                       focused: Bool, language: Language = .vi) -> CursorPosition? {
        let layout = FieldRowLayout(col: col, width: width, labelWidth: labelWidth,
                                    preferred: preferredValueWidth, trailing: error)
        layout.drawLabel(label.text(language), into: &g, row: row, focused: focused)
        // Away from the field, its start shows (with "…" when cut): the start says what it is.
        let cursorCol = drawValue(text: text, cursor: focused ? cursor : 0, into: &g, row: row, layout: layout, focused: focused,
                                  placeholder: placeholder?.text(language), fromStart: !focused)
        if let error { layout.drawTrailing(error, into: &g, row: row, style: WidgetStyle.error) }
        return focused ? CursorPosition(row: row, col: cursorCol) : nil
    }

    /// Wanted width of the value area: `width`, else `maxLength + 1`.
    var preferredValueWidth: Int { width ?? (maxLength + 1) }

    /// Draws `text` in the value area and returns the cursor's column.
    /// - Parameter fromStart: show the text from its start, cut with "…" when it does not fit
    ///   (a value not being edited); otherwise a window that follows the cursor.
    func drawValue(text: String, cursor: Int, into g: inout CellGrid, row: Int, layout: FieldRowLayout,
                   focused: Bool, placeholder: String?, fromStart: Bool = false) -> Int {
        let style = focused ? WidgetStyle.focusedValue : WidgetStyle.value
        g.fill(row: row, fromCol: layout.valueCol, toCol: layout.valueCol + layout.valueWidth, style: style)
        let chars = Array(text)
        if chars.isEmpty {
            if let p = placeholder, !p.isEmpty {
                g.put(row: row, col: layout.valueCol, text: CellWidth.truncate(p, toCells: layout.valueWidth),
                      style: focused ? WidgetStyle.focusedPlaceholder : WidgetStyle.placeholder)
            }
            return layout.valueCol
        }
        if fromStart && CellWidth.of(text) > layout.valueWidth {
            g.put(row: row, col: layout.valueCol, text: CellWidth.truncate(text, toCells: layout.valueWidth), style: style)
            return layout.valueCol
        }
        let window = ScrollWindow(text: chars, cursor: cursor, width: layout.valueWidth)
        if window.first < window.end {
            g.put(row: row, col: layout.valueCol + window.lead, text: String(chars[window.first..<window.end]), style: style)
        }
        return layout.valueCol + window.cursorCell
    }
}

extension TextField {
    /// A field for a person's name: free text, capitalised word by word as typed.
    public static func personName(id: String, label: Localized, text: String = "", hint: Localized? = nil) -> TextField {
        var field = TextField(id: id, label: label, text: text, hint: hint)
        field.capitalizesWords = true
        return field
    }
}
