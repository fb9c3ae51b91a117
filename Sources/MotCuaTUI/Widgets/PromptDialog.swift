import MotCuaCore

/// One line of text input over the current screen: a reason, a tracking number. `form.submit`
/// accepts (after `validate`), `form.cancel` cancels; either way the prompt closes itself before
/// calling back, so the callback may open the next dialog. The entry is the desk's one
/// `TextField`: free text is composed by the input method in force; an `asciiOnly` prompt
/// (codes) takes ASCII keys as typed.
public final class PromptScreen: Screen {
    public let title: String
    public let label: String
    /// The problem with the last accept (from `validate`), shown under the field.
    public private(set) var error: String?
    public let asciiOnly: Bool
    private var field: TextField
    private let initialText: String
    private let under: Screen?
    private let validate: (String) -> String?
    private let onAccept: (String, ScreenHost) throws -> Void
    private let onCancel: ((ScreenHost) -> Void)?
    private let asksBeforeDiscard: Bool

    /// - Parameters:
    ///   - under: the screen drawn behind the prompt (usually the one that opened it).
    ///   - validate: the problem with the (normalised) text, or nil when it may be accepted.
    ///   - onAccept: called with the normalised text after the prompt closed. When it throws
    ///     (the model or the store refused the value), the prompt opens again with what was
    ///     typed and the reason under the field: nothing typed is lost.
    ///   - onCancel: called after the prompt closed on cancel (default: "Không thay đổi gì").
    ///   - asksBeforeDiscard: Esc asks before throwing away what was typed (a long reason);
    ///     false for a short search line, which Esc closes at once.
    public init(title: String, label: String, text: String = "", under: Screen? = nil, asciiOnly: Bool = false,
                maxLength: Int = 200, validate: @escaping (String) -> String? = { _ in nil }, asksBeforeDiscard: Bool = true,
                onAccept: @escaping (String, ScreenHost) throws -> Void, onCancel: ((ScreenHost) -> Void)? = nil) {
        self.asksBeforeDiscard = asksBeforeDiscard
        self.title = title; self.label = label; self.under = under; self.asciiOnly = asciiOnly
        self.field = TextField(id: "prompt", label: label, text: text, maxLength: max(1, maxLength))
        self.initialText = text
        self.validate = validate; self.onAccept = onAccept; self.onCancel = onCancel
    }

    /// What has been typed.
    public var text: String { field.text }

    public var keyContext: KeyContext { .form }
    public var implementedActions: Set<Action> { Self.actions }
    static let actions: Set<Action> = [.formSubmit, .formCancel, .fieldClear]
    public var barActions: [Action] { [.help, .formSubmit, .fieldClear, .inputCycle, .formCancel] }
    public var acceptsText: Bool { true }
    public var isModal: Bool { true }
    public var hasUnsavedInput: Bool { field.text != initialText }

    public func text(for action: Action) -> ActionText? {
        switch action {
        case .formSubmit: ActionText(vi: "Đồng ý", "Đồng ý với nội dung đã nhập", en: "OK", "Accept what was typed", barKey: .enter)
        case .formCancel: ActionText(vi: "Huỷ", "Huỷ, không thay đổi gì", en: "Cancel", "Cancel, change nothing")
        default: nil
        }
    }

    public func handle(key: Key, host: ScreenHost) -> Bool {
        guard key.isTextEditing else { return false }
        if asciiOnly, case .character(let ch) = key, !ch.isASCII { return true }
        let composer = host.composer
        if asciiOnly {
            field.compose = { ch, before in before + String(ch) }
        } else {
            field.compose = { ch, before in composer.type(ch, after: before) }
        }
        if field.handle(key) == .changed { error = nil }
        if field.refusedAtLimit {
            error = host.language == .en ? "At most \(field.maxLength) characters" : "Tối đa \(field.maxLength) ký tự"
        }
        if let ch = field.refusedCharacter {
            error = host.language == .en ? "'\(ch)' not taken: \(field.kind.expected.en)" : "Không nhận '\(ch)': \(field.kind.expected.vi)"
        }
        return true
    }

    public func perform(_ action: Action, host: ScreenHost) -> Bool {
        switch action {
        case .formSubmit: accept(host)
        case .formCancel: cancel(host)
        case .fieldClear: if field.handle(.ctrl("u")) == .changed { error = nil }
        default: return false
        }
        return true
    }

    /// Accepts the text as if Enter was pressed.
    public func accept(_ host: ScreenHost) {
        let value = VietnameseText.normalize(field.text)
        if let problem = validate(value) {
            error = problem
            host.say(problem, warning: true)
            return
        }
        host.pop(self)
        do {
            try onAccept(value, host)
        } catch {
            self.error = ErrorText.message(for: error, language: host.language)
            host.push(self)
            host.report(error)
        }
    }

    /// Esc: closes at once when nothing was typed; otherwise asks first (Có by default, as the
    /// forms do), so a long reason is not lost to one stray key.
    public func cancel(_ host: ScreenHost) {
        guard asksBeforeDiscard, field.text != initialText, !field.text.isEmpty else { return close(host) }
        host.confirm(YesNoQuestion(
            title: host.language == .en ? "Discard" : "Bỏ nội dung",
            message: host.language == .en ? "Discard what was typed?" : "Bỏ những gì đã nhập?",
            defaultYes: true, under: self,
            onYes: { [weak self] host in self?.close(host) },
            onNo: { _ in }))
    }

    private func close(_ host: ScreenHost) {
        host.pop(self)
        if let onCancel { onCancel(host) } else { host.say(host.language == .en ? "Nothing changed" : "Không thay đổi gì") }
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        under?.render(into: &g, top: top, bottom: bottom, host: host)
        let (row, left, width) = ScreenDraw.box(into: &g, top: top, bottom: bottom, height: 6, width: 72, title: title,
                                                footer: host.hint([(.formSubmit, "đồng ý", "OK"), (.formCancel, "huỷ", "cancel")], in: keyContext),
                                                symbols: host.symbols)
        g.put(row: row, col: left, text: CellWidth.truncate(label, toCells: width), style: CellStyle(.bold))
        // The label is on its own row: the field takes the whole width under it.
        field.render(into: &g, row: row + 1, col: left, width: max(1, width), labelWidth: 0, focused: true, language: host.language)
        if let error {
            g.put(row: row + 2, col: left, text: CellWidth.truncate(error, toCells: width), style: CellStyle(.bold, role: .warning))
        }
    }
}
