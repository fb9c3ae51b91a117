import MotCuaCore

/// Drawing helpers shared by the small dialogs and the dossier screens.
enum ScreenDraw {
    /// A key typed into a search box. Telex applies, so `Nguyeenx` finds Nguyễn as the header's
    /// `[Telex]` promises (search ignores the marks anyway); VNI does not, because its digits
    /// would turn ticket and dossier codes (`A1`) into letters.
    static func searchTyping(_ ch: Character, after text: String, app: DeskApp) -> String {
        app.composer.kind == .telex ? app.composer.type(ch, after: text) : text + String(ch)
    }

    /// A framed box centred in rows `top..<bottom`, drawn over what is there. Returns the first
    /// inner row and the inner column range.
    @discardableResult
    static func box(into g: inout CellGrid, top: Int, bottom: Int, height: Int, width: Int, title: String,
                    footer: String) -> (row: Int, left: Int, width: Int) {
        let w = max(10, min(width, g.cols - 2))
        let h = max(3, min(height, bottom - top))
        let left = max(0, (g.cols - w) / 2)
        let first = top + max(0, (bottom - top - h) / 2)
        let frame = CellStyle(.bold)
        for r in first..<(first + h) { g.fill(row: r, fromCol: left, toCol: left + w, style: .plain) }
        let inner = w - 2
        g.put(row: first, col: left, text: "┌" + String(repeating: "─", count: inner) + "┐", style: frame)
        for r in (first + 1)..<(first + h - 1) {
            g.put(row: r, col: left, text: "│", style: frame)
            g.put(row: r, col: left + w - 1, text: "│", style: frame)
        }
        g.put(row: first + h - 1, col: left, text: "└" + String(repeating: "─", count: inner) + "┘", style: frame)
        if !title.isEmpty {
            g.put(row: first, col: left + 2, text: CellWidth.truncate(" \(title) ", toCells: inner - 2), style: frame)
        }
        if !footer.isEmpty {
            g.put(row: first + h - 1, col: left + 2, text: CellWidth.truncate(" \(footer) ", toCells: inner - 2),
                  style: CellStyle(.dim, role: .muted))
        }
        return (first + 1, left + 2, inner - 2)
    }

    /// The end of `text` that fits in `cells` cells (for a field whose text is longer than its
    /// box: the part being typed stays visible).
    static func tail(_ text: String, toCells cells: Int) -> String {
        guard cells > 0 else { return "" }
        var out: [Character] = []
        var used = 0
        for ch in text.reversed() {
            let w = CellWidth.of(ch)
            if used + w > cells { break }
            out.append(ch)
            used += w
        }
        return String(out.reversed())
    }

    /// A character a one-line field takes: printable, not a control or invisible character.
    static func isTypable(_ ch: Character) -> Bool {
        Key.isPrintable(ch) && !ch.unicodeScalars.contains(where: VietnameseText.isForbidden)
    }

    /// `25/11/26`.
    static func shortDate(_ d: LocalDate) -> String {
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(p2(d.day))/\(p2(d.month))/\(p2(d.year % 100))"
    }
}

/// One line of text input over the current screen: a reason, a tracking number. Enter accepts
/// (after `validate`), Esc cancels; either way the prompt closes itself before calling back, so
/// the callback may open the next dialog. Free text is composed by the desk's input method
/// (`app.composer`, Telex by default); an `asciiOnly` prompt (codes) takes keys as typed.
public final class PromptScreen: Screen {
    public let title: String
    public let label: String
    /// What has been typed.
    public private(set) var text: String
    /// The problem with the last Enter (from `validate`), shown under the field.
    public private(set) var error: String?
    /// Longest text in characters.
    public var maxLength: Int
    /// Codes (tracking numbers): printable ASCII only, spaces allowed.
    public var asciiOnly: Bool
    private let under: Screen?
    private let validate: (String) -> String?
    private let onAccept: (String, DeskApp) -> Void
    private let onCancel: ((DeskApp) -> Void)?

    /// - Parameters:
    ///   - under: the screen drawn behind the prompt (usually the one that opened it).
    ///   - validate: the problem with the (normalised) text, or nil when it may be accepted.
    ///   - onAccept: called with the normalised text after the prompt closed.
    ///   - onCancel: called after Esc closed the prompt (default: "Đã huỷ" on the status line).
    public init(title: String, label: String, text: String = "", under: Screen? = nil, asciiOnly: Bool = false,
                maxLength: Int = 200, validate: @escaping (String) -> String? = { _ in nil },
                onAccept: @escaping (String, DeskApp) -> Void, onCancel: ((DeskApp) -> Void)? = nil) {
        self.title = title; self.label = label; self.text = text; self.under = under
        self.asciiOnly = asciiOnly; self.maxLength = max(1, maxLength)
        self.validate = validate; self.onAccept = onAccept; self.onCancel = onCancel
    }

    public var keyContext: KeyContext { .form }
    public var barActions: [Action] { [.formSubmit, .formCancel] }

    public func handle(key: Key, app: DeskApp) -> Bool {
        switch key {
        case .character(let ch):
            guard ScreenDraw.isTypable(ch), !asciiOnly || ch.isASCII else { return true }
            // Free text goes through the desk's input method (Telex/VNI); codes are taken as typed.
            let next = asciiOnly ? text + String(ch) : app.composer.type(ch, after: text)
            if next.count <= maxLength || next.count <= text.count { text = next; error = nil }
            return true
        case .backspace:
            if !text.isEmpty { text.removeLast(); error = nil }
            return true
        case .enter:
            accept(app)
            return true
        case .escape:
            cancel(app)
            return true
        default:
            return false
        }
    }

    public func perform(_ action: Action, app: DeskApp) -> Bool {
        switch action {
        case .formSubmit: accept(app)
        case .formCancel, .quit: cancel(app)
        case .help, .inputCycle: return false
        default: break // modal: nothing else while the prompt is open
        }
        return true
    }

    /// Accepts the text as if Enter was pressed.
    public func accept(_ app: DeskApp) {
        let value = VietnameseText.normalize(text)
        if let problem = validate(value) {
            error = problem
            app.say(problem, warning: true)
            return
        }
        app.pop(self)
        onAccept(value, app)
    }

    public func cancel(_ app: DeskApp) {
        app.pop(self)
        if let onCancel { onCancel(app) } else { app.say(app.language == .en ? "Cancelled" : "Đã huỷ") }
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, app: DeskApp) {
        under?.render(into: &g, top: top, bottom: bottom, app: app)
        let en = app.language == .en
        let (row, left, width) = ScreenDraw.box(into: &g, top: top, bottom: bottom, height: 6, width: 72, title: title,
                                                footer: en ? "Enter: OK · Esc: cancel" : "Enter: đồng ý · Esc: huỷ")
        g.put(row: row, col: left, text: CellWidth.truncate(label, toCells: width), style: CellStyle(.bold))
        let fieldWidth = max(1, width)
        g.fill(row: row + 1, fromCol: left, toCol: left + fieldWidth, style: CellStyle(.underline))
        let shown = ScreenDraw.tail(text, toCells: fieldWidth - 1)
        let end = g.put(row: row + 1, col: left, text: shown, style: CellStyle(.underline))
        g.put(row: row + 1, col: end, text: " ", style: CellStyle(.reverse))
        if let error {
            g.put(row: row + 2, col: left, text: CellWidth.truncate(error, toCells: width), style: CellStyle(.bold, role: .warning))
        }
    }
}

/// A yes/no question over the current screen. `c`/`y` answer yes, `k`/`n` no, Left/Right/Tab
/// move between the two buttons and Enter takes the highlighted one; Esc is no. For a step that
/// cannot be undone, pass `defaultYes: false` so a second Enter does not confirm it by accident.
public final class ConfirmScreen: Screen {
    public let title: String
    public let message: String
    /// The highlighted button.
    public private(set) var yesSelected: Bool
    private let under: Screen?
    private let onYes: (DeskApp) -> Void
    private let onNo: ((DeskApp) -> Void)?

    public init(title: String, message: String, under: Screen? = nil, defaultYes: Bool = false,
                onYes: @escaping (DeskApp) -> Void, onNo: ((DeskApp) -> Void)? = nil) {
        self.title = title; self.message = message; self.under = under; self.yesSelected = defaultYes
        self.onYes = onYes; self.onNo = onNo
    }

    public var keyContext: KeyContext { .form }
    public var barActions: [Action] { [.help, .formCancel] }

    public func handle(key: Key, app: DeskApp) -> Bool {
        switch key {
        case .character(let ch):
            switch ch {
            case "c", "C", "y", "Y": answer(true, app)
            case "k", "K", "n", "N": answer(false, app)
            default: break
            }
            return true
        case .left, .right, .tab, .backTab:
            yesSelected.toggle()
            return true
        case .enter:
            answer(yesSelected, app)
            return true
        case .escape:
            answer(false, app)
            return true
        default:
            return false
        }
    }

    public func perform(_ action: Action, app: DeskApp) -> Bool {
        switch action {
        case .formSubmit: answer(yesSelected, app)
        case .formCancel, .quit: answer(false, app)
        case .help, .inputCycle: return false
        default: break
        }
        return true
    }

    public func answer(_ yes: Bool, _ app: DeskApp) {
        app.pop(self)
        if yes {
            onYes(app)
        } else if let onNo {
            onNo(app)
        } else {
            app.say(app.language == .en ? "Cancelled" : "Đã huỷ")
        }
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, app: DeskApp) {
        under?.render(into: &g, top: top, bottom: bottom, app: app)
        let en = app.language == .en
        let lines = DeskScreen.wrap(message, toCells: 66).prefix(max(1, bottom - top - 6))
        let (row, left, width) = ScreenDraw.box(into: &g, top: top, bottom: bottom, height: lines.count + 4, width: 72,
                                                title: title, footer: en ? "y/n · Enter · Esc: no" : "c/k · Enter · Esc: không")
        for (i, line) in lines.enumerated() {
            g.put(row: row + i, col: left, text: CellWidth.truncate(line, toCells: width))
        }
        let buttons = row + lines.count + 1
        let yes = en ? "[ Yes ]" : "[ Có ]", no = en ? "[ No ]" : "[ Không ]"
        let selected = CellStyle(.reverse, role: .selected)
        var col = left
        col = g.put(row: buttons, col: col, text: yes, style: yesSelected ? selected : .plain)
        g.put(row: buttons, col: col + 3, text: no, style: yesSelected ? .plain : selected)
    }
}
