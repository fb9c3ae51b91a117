import MotCuaCore

/// A page of text over the screen (the day's waitlist, the call list just written): Up/Down
/// scroll it, Enter or Esc close it.
final class TextPanelScreen: Screen {
    let title: String
    let lines: [String]
    /// The first line shown.
    private(set) var offset = 0
    private var room = 10
    private var total = 0

    /// Lines shown as they are (a table, a ruler): spacing kept, cut to the width, never wrapped.
    let verbatim: Bool

    init(title: String, lines: [String], verbatim: Bool = false) {
        self.title = title
        self.lines = lines
        self.verbatim = verbatim
    }

    var keyContext: KeyContext { .form }
    var isModal: Bool { true }
    static let actions: Set<Action> = [.formSubmit, .formCancel, .cursorUp, .cursorDown, .pageUp, .pageDown]
    var implementedActions: Set<Action> { Self.actions }
    var barActions: [Action] { [.help, .formCancel, .cursorDown, .cursorUp, .quit] }

    func text(for action: Action) -> ActionText? {
        switch action {
        case .formSubmit, .formCancel: ActionText(vi: "Đóng", "Đóng trang này", en: "Close", "Close this page")
        case .cursorUp, .cursorDown, .pageUp, .pageDown:
            ActionText(label: action.label, help: Localized(vi: action.helpLine.vi + " (cuộn trang)", en: action.helpLine.en + " (scroll)"))
        default: nil
        }
    }

    func perform(_ action: Action, host: ScreenHost) -> Bool {
        switch action {
        case .formSubmit, .formCancel: host.pop(self)
        case .cursorUp: scroll(-1)
        case .cursorDown: scroll(1)
        case .pageUp: scroll(-room)
        case .pageDown: scroll(room)
        default: return false
        }
        return true
    }

    private func scroll(_ delta: Int) {
        offset = max(0, min(offset + delta, max(0, max(total, lines.count) - room)))
    }

    /// Word wrap keeping the line's indent; a word wider than the line (a file path) is broken
    /// between characters rather than cut.
    static func wrap(_ line: String, width: Int) -> [String] {
        let indent = String(line.prefix { $0 == " " })
        let inner = max(4, width - CellWidth.of(indent) - 2)
        var pieces: [String] = []
        for word in line.split(separator: " ") {
            var w = String(word)
            while CellWidth.of(w) > inner {
                var head = ""
                for ch in w {
                    if CellWidth.of(head + String(ch)) > inner { break }
                    head.append(ch)
                }
                guard !head.isEmpty else { break }
                pieces.append(head)
                w = String(w.dropFirst(head.count))
            }
            if !w.isEmpty { pieces.append(w) }
        }
        let joined = WidgetText.wrap(pieces.joined(separator: " "), toCells: inner)
        guard !joined.isEmpty else { return [""] }
        return joined.enumerated().map { indent + ($0.offset == 0 ? "" : "  ") + $0.element }
    }

    func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        guard bottom > top else { return }
        g.put(row: top, col: 1, text: CellWidth.truncate(title, toCells: g.cols - 2), style: CellStyle(.bold))
        let wrapped = verbatim ? lines : lines.flatMap { Self.wrap($0, width: g.cols - 2) }
        room = max(1, bottom - top - 2)
        total = wrapped.count
        offset = max(0, min(offset, max(0, wrapped.count - room)))
        for (k, text) in wrapped.dropFirst(offset).prefix(room).enumerated() {
            let style: CellStyle = text.hasPrefix("!") ? CellStyle(.bold, role: .warning) : .plain
            g.put(row: top + 2 + k, col: 1, text: CellWidth.truncate(text, toCells: g.cols - 2), style: style)
        }
    }
}
