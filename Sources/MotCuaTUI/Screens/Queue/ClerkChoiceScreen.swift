import MotCuaCore

/// Who is at the counter, asked when the desk starts and the profile lists its clerks (and
/// `--clerk` did not say): every audit entry then names the clerk, not the PC's OS account.
/// Up/Down and Enter choose, a digit picks a row at once; Esc keeps the OS user, saying so.
final class ClerkChoiceScreen: Screen {
    let clerks: [String]
    let session: DeskSession
    private(set) var list: ListView

    init(clerks: [String], session: DeskSession) {
        self.clerks = clerks
        self.session = session
        self.list = ListView(count: clerks.count, height: max(1, min(clerks.count, 12)))
    }

    var keyContext: KeyContext { .form }
    var implementedActions: Set<Action> { Self.actions }
    static let actions: Set<Action> = [.formSubmit, .formCancel, .cursorUp, .cursorDown]
    var barActions: [Action] { [.help, .formSubmit, .formCancel] }
    var isModal: Bool { true }
    var acceptsText: Bool { true }

    func text(for action: Action) -> ActionText? {
        switch action {
        case .formSubmit: ActionText(vi: "Chọn", "Chọn cán bộ đang làm việc tại quầy", en: "Choose", "Choose the clerk at this counter", barKey: .enter)
        case .formCancel: ActionText(vi: "Bỏ qua", "Dùng tài khoản máy", en: "Skip", "Use the computer's account")
        default: nil
        }
    }

    func handle(key: Key, host: ScreenHost) -> Bool {
        guard case .character(let ch) = key, let n = ch.wholeNumberValue, (1...clerks.count).contains(n) else { return true }
        choose(n - 1, host)
        return true
    }

    func perform(_ action: Action, host: ScreenHost) -> Bool {
        switch action {
        case .cursorUp: list.moveUp()
        case .cursorDown: list.moveDown()
        case .formSubmit: if let i = list.selected { choose(i, host) }
        case .formCancel:
            host.pop(self)
            host.say(host.language == .en ? "Clerk: \(session.actor.user) (the computer's account)"
                                          : "Cán bộ: \(session.actor.user) (tài khoản máy)")
        default: return false
        }
        return true
    }

    private func choose(_ index: Int, _ host: ScreenHost) {
        session.actor = Actor(user: clerks[index], counter: session.counter)
        host.pop(self)
        host.refresh()
        host.say(host.language == .en ? "Clerk at counter \(session.counter): \(clerks[index])"
                                      : "Cán bộ tại quầy \(session.counter): \(clerks[index])")
    }

    func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        let en = host.language == .en
        list.setHeight(max(1, min(clerks.count, bottom - top - 7)))
        let (row, left, width) = ScreenDraw.box(into: &g, top: top, bottom: bottom, height: list.height + 4, width: 60,
                                                title: en ? "Who is at counter \(session.counter)?" : "Ai làm việc tại quầy \(session.counter)?",
                                                footer: host.hint([(.formSubmit, "chọn", "choose"), (.formCancel, "bỏ qua", "skip")], in: keyContext),
                                                symbols: host.symbols)
        g.put(row: row, col: left, text: CellWidth.truncate(en ? "Each change is recorded under this name." : "Mọi thao tác được ghi dưới tên này.", toCells: width))
        for (line, i) in list.visibleRange.enumerated() {
            let text = CellWidth.truncate("\(i + 1). \(clerks[i])", toCells: width)
            g.put(row: row + 2 + line, col: left, text: text, style: i == list.selected ? CellStyle(.reverse, role: .selected) : .plain)
        }
    }
}
